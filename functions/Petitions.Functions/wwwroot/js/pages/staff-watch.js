// The watch from above (staff/watch.html, GET /api/staff/watch): for every unit below the reader, the cases about to
// slip past its level and the unit's counts, riskiest first. A case opens read-only; the head above may instruct.
import { initLanguage, onLangChange, t, lang, formatDate } from '../i18n.js';
import { getJson, ApiError, generalMessage } from '../api.js';
import { byId, clear, el } from '../dom.js';
import { requireStaff, showPageError } from '../staff.js';
import { kindName, statusName } from '../steps.js';

let watch = null;

function percent(rate) {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

function unitName(u) {
  return lang() === 'en' ? u.nameEn ?? u.name : u.name;
}

function renderUnits() {
  const root = clear(byId('watch-units'));
  const units = watch?.units ?? [];
  if (units.length === 0) {
    root.append(el('p', { class: 'empty', text: t('dash.empty') }));
    return;
  }
  const head = ['dash.col.unit', 'desk.col.open', 'dash.dueSoon', 'dash.overdue', 'watch.col.atRisk', 'watch.col.onTime'];
  root.append(el('div', { class: 'table-wrap' }, el('table', { class: 'cases watch-units' },
    el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, units.map((u) => el('tr', { 'data-unit': u.unitId },
      el('th', { scope: 'row', text: unitName(u) }), el('td', { text: u.open }), el('td', { text: u.dueSoon }), el('td', { text: u.overdue }),
      el('td', { text: u.atRisk }), el('td', { text: u.onTimeRate === null || u.onTimeRate === undefined ? '—' : percent(u.onTimeRate) })))))));
}

function renderCases() {
  const root = clear(byId('watch-cases'));
  const items = watch?.items ?? [];
  if (items.length === 0) {
    root.append(el('p', { class: 'empty', text: t('watch.none') }));
    return;
  }
  const head = ['dash.col.code', 'dash.col.unit', 'dash.col.kind', 'dash.col.title', 'dash.col.status', 'desk.col.officer', 'dash.col.due', 'watch.col.risk'];
  root.append(el('div', { class: 'table-wrap' }, el('table', { class: 'cases watch' },
    el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, items.map((i) => el('tr', { 'data-code': i.trackingCode, 'data-risk': i.risk },
      el('td', {}, el('a', { href: `/staff/case.html?code=${encodeURIComponent(i.trackingCode)}`, text: i.trackingCode })),
      el('td', { text: lang() === 'en' ? i.unitNameEn : i.unitName }),
      el('td', { text: kindName(i.kind) }),
      el('td', { text: i.title }),
      el('td', { text: statusName(i.status) }),
      el('td', { text: i.officerName ?? '—' }),
      el('td', {}, i.due ? el('time', { datetime: i.due, text: formatDate(i.due) }) : '—'),
      el('td', {}, el('span', { class: `tag risk ${i.risk}`, text: t(`watch.risk.${i.risk}`) }))))))));
}

function render() {
  byId('watch-horizon').textContent = watch ? t('watch.horizon', { date: formatDate(watch.horizon) }) : '';
  renderUnits();
  renderCases();
}

async function start() {
  initLanguage();
  const me = await requireStaff();
  if (!me) {
    return;
  }
  onLangChange(render);
  try {
    watch = await getJson('/api/staff/watch');
  } catch (error) {
    showPageError(error instanceof ApiError && error.status === 403 ? t('watch.forbidden') : generalMessage(error));
  }
  render();
}

start();
