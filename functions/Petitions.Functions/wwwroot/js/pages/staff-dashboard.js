// Dashboard: counts (GET /api/staff/dashboard), the case list of the chosen view, charts of the
// on-time rate and the backlog by unit and month, and the reception schedules below the legal minimum
// (GET /api/reception/flags?month=YYYY-MM).
import { initLanguage, onLangChange, t, lang, formatDate, vietnamDay } from '../i18n.js';
import { getJson, generalMessage, ApiError } from '../api.js';
import { byId, clear, el } from '../dom.js';
import { requireStaff, caseTable, loadCases, unitNames, showPageError } from '../staff.js';
import { barChart, percent, count } from '../chart.js';

const ViewKeys = { mine: 'dash.mine', 'due-soon': 'dash.dueSoon', overdue: 'dash.overdue', escalated: 'dash.escalated', unit: 'dash.unit' };
let view = 'mine';
let dashboard = null;
let cases = [];
let unitName = (id) => id;
let flags = null; // { month, flags: [...] } as the API answered
let flagsError = null;

function name(id) {
  return unitName(id, lang() === 'en');
}

function renderCounts() {
  for (const key of ['mine', 'dueSoon', 'overdue', 'escalated']) {
    byId(`count-${key}`).textContent = dashboard ? count(dashboard.counts?.[key] ?? 0) : '–';
  }
  for (const button of document.querySelectorAll('.count')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === view));
  }
}

function renderList() {
  byId('list-heading').textContent = t('dash.list', { view: t(ViewKeys[view]) });
  clear(byId('case-list')).append(caseTable(cases, name));
}

function renderCharts() {
  const charts = clear(byId('charts'));
  if (!dashboard) {
    return;
  }
  charts.append(
    barChart({
      title: t('dash.onTime'), max: 1, format: percent, unitName: name,
      rows: (dashboard.onTimeRate ?? []).map((r) => ({ unitId: r.unitId, month: r.month, value: r.rate })),
    }),
    barChart({
      title: t('dash.backlog'), format: count, unitName: name,
      rows: (dashboard.backlog ?? []).map((r) => ({ unitId: r.unitId, month: r.month, value: r.open })),
    }));
}

const MonthPattern = /^(\d{4})-(\d{2})$/;

/** "2026-05" → "05/2026" or "May 2026". */
function monthName(month) {
  const match = MonthPattern.exec(month ?? '');
  if (!match) {
    return month ?? '';
  }
  const [, y, m] = match;
  if (lang() === 'vi') {
    return `${m}/${y}`;
  }
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(Number(y), Number(m) - 1, 1)));
}

/** The month `delta` months after "YYYY-MM". */
function shiftMonth(month, delta) {
  const match = MonthPattern.exec(month ?? '');
  if (!match) {
    return null;
  }
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A flagged unit's name in the page's language (the API gives the Vietnamese one). */
function flagUnitName(flag) {
  const known = name(flag.unitId);
  return known && known !== flag.unitId ? known : flag.unitName ?? flag.unitId;
}

function flagItem(flag) {
  return el('li', { class: 'flag', 'data-unit': flag.unitId, 'data-confirmed': String(flag.confirmed !== false) },
    el('h3', { text: flagUnitName(flag) }),
    el('p', { text: t('flags.period', { from: formatDate(flag.periodStart), to: formatDate(flag.periodEnd) }) }),
    el('p', { class: 'flag-days', text: t('flags.days', { scheduled: flag.scheduledDays, required: flag.requiredDays }) }),
    el('p', { class: 'small flag-source', text: t('flags.source', { source: flag.source ?? '' }) }),
    flag.confirmed === false ? el('p', { class: 'tag warn flag-unconfirmed', text: t('flags.unconfirmed') }) : null);
}

function renderFlags() {
  const list = clear(byId('flags-list'));
  if (!flags) {
    return;
  }
  byId('flags-month').value = flags.month ?? '';
  const items = Array.isArray(flags.flags) ? flags.flags : [];
  list.append(items.length === 0
    ? el('p', { class: 'empty flags-none', text: t('flags.none', { month: monthName(flags.month) }) })
    : el('ul', { class: 'flags' }, items.map(flagItem)));
}

function showFlagsError(error) {
  const previous = flagsError;
  flagsError = error ? t('flags.error', { message: flagsErrorText(error) }) : null;
  if (flagsError) {
    showPageError(flagsError);
  } else if (previous && byId('page-status').textContent === previous) {
    showPageError('');
  }
}

function flagsErrorText(error) {
  const month = error instanceof ApiError ? error.problem?.errors?.month : null;
  return Array.isArray(month) && month.length > 0 ? month.join(' ') : generalMessage(error);
}

/** Loads the flags of `month` ("YYYY-MM"), or of the app's current month when none is given. */
async function loadFlags(month) {
  const query = month ? `?${new URLSearchParams({ month })}` : '';
  try {
    flags = await getJson(`/api/reception/flags${query}`);
    showFlagsError(null);
  } catch (error) {
    flags = null;
    byId('flags-month').value = month ?? vietnamDay().slice(0, 7);
    showFlagsError(error);
  }
  renderFlags();
}

function currentFlagsMonth() {
  const typed = byId('flags-month').value;
  return MonthPattern.test(typed) ? typed : flags?.month ?? vietnamDay().slice(0, 7);
}

async function showView(next) {
  view = next;
  renderCounts();
  try {
    cases = (await loadCases(view)).items;
    renderList();
  } catch (error) {
    showPageError(generalMessage(error));
  }
}

async function start() {
  initLanguage();
  const me = await requireStaff();
  if (!me) {
    return;
  }
  // One click to the whole unit for its head and deputies, and to the watch for the levels above and the supervisors.
  byId('desk-link').hidden = !(me.role === 'head' || me.role === 'deputy');
  byId('watch-link').hidden = me.role !== 'supervisor';
  if (me.role === 'head') {
    // A head has the watch only when units are below them (a ward's head has none): ask once, show on 200.
    getJson('/api/staff/watch').then(() => { byId('watch-link').hidden = false; }, () => {});
  }
  onLangChange(() => {
    renderCounts();
    renderList();
    renderCharts();
    renderFlags();
  });
  byId('flags-prev').addEventListener('click', () => loadFlags(shiftMonth(currentFlagsMonth(), -1)));
  byId('flags-next').addEventListener('click', () => loadFlags(shiftMonth(currentFlagsMonth(), 1)));
  byId('flags-month').addEventListener('change', () => {
    const month = byId('flags-month').value;
    if (MonthPattern.test(month)) {
      loadFlags(month);
    }
  });
  for (const button of document.querySelectorAll('.count')) {
    button.addEventListener('click', () => showView(button.dataset.view));
  }
  unitName = await unitNames();
  try {
    dashboard = await getJson('/api/staff/dashboard');
  } catch (error) {
    showPageError(generalMessage(error));
  }
  renderCounts();
  renderCharts();
  await Promise.all([showView('mine'), loadFlags(null)]);
}

start();
