// Reports (docs/reports.md): the unit report for a period (GET /api/reports/units) with filters, charts drawn by
// Chart.js, a drill-down from every figure to its cases (GET /api/reports/units/cases), CSV/XLSX exports, a printable
// monthly report naming the heads, and the monthly league table (GET /api/reports/league).
import { initLanguage, onLangChange, t, lang, formatDate, vietnamDay } from '../i18n.js';
import { getJson, generalMessage } from '../api.js';
import { byId, clear, el, param } from '../dom.js';
import { requireStaff, showPageError } from '../staff.js';
import { kindName } from '../steps.js';
import { chart, percent, count, monthLabel } from '../chart.js';

// The figures shown per unit, in this order; each opens its drill-down.
const Figures = ['received', 'accepted', 'forwardedOrGuided', 'withdrawn', 'resolved', 'resolvedOnTime', 'resolvedLate', 'openOnTime', 'openOverdue', 'apologies', 'ratings'];
let report = null;
let league = null;
let drill = null;
let filters = null;

const unitLabel = (unit) => (lang() === 'en' ? unit.unitNameEn || unit.unitName : unit.unitName);
const rate = (value) => (value === null || value === undefined ? '–' : percent(value));
const mean = (value) => (value === null || value === undefined ? '–' : count(value));

function currentMonth() {
  return vietnamDay().slice(0, 7);
}

function query(extra = {}) {
  const q = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.unitId) q.set('unitId', filters.unitId);
  if (filters.kind) q.set('kind', filters.kind);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

function readFilters() {
  filters = { from: byId('from').value, to: byId('to').value, unitId: byId('unit').value, kind: byId('kind').value };
  const url = new URL(location.href);
  url.search = query().toString();
  history.replaceState(null, '', url);
}

async function load() {
  readFilters();
  showPageError('');
  drill = null;
  try {
    report = await getJson(`/api/reports/units?${query()}`);
  } catch (error) {
    report = null;
    showPageError(generalMessage(error));
  }
  byId('export-csv').href = `/api/reports/units?${query({ format: 'csv' })}`;
  byId('export-xlsx').href = `/api/reports/units?${query({ format: 'xlsx' })}`;
  fillUnits();
  render();
}

function fillUnits() {
  const select = byId('unit');
  const known = new Set([...select.options].map((o) => o.value));
  for (const u of report?.units ?? []) {
    if (!known.has(u.unit.unitId)) {
      select.append(el('option', { value: u.unit.unitId, text: unitLabel(u.unit) }));
    }
  }
  select.value = filters.unitId;
}

function figureCell(unit, figure, value) {
  if (!value) {
    return el('td', { text: count(value ?? 0) });
  }
  const button = el('button', { type: 'button', class: 'link-button figure', 'data-unit': unit.unitId, 'data-figure': figure, text: count(value) });
  button.addEventListener('click', () => openDrill(unit, figure));
  return el('td', {}, button);
}

function renderUnits() {
  const box = clear(byId('units-table'));
  byId('as-of').textContent = report ? t('reports.asOf', { date: formatDate(report.asOf) }) : '';
  byId('print-heading').textContent = report ? t('reports.printHeading', { from: monthLabel(report.from), to: monthLabel(report.to) }) : '';
  if (!report) return;
  if (report.units.length === 0) {
    box.append(el('p', { class: 'empty', text: t('dash.noData') }));
    return;
  }
  const head = ['reports.col.unit', 'reports.col.head', ...Figures.map((f) => `reports.fig.${f}`), 'reports.fig.onTimeRate', 'reports.fig.meanDays', 'reports.fig.p90Days', 'reports.fig.meanRating'];
  const row = (unit, f, total = false) => el('tr', { class: total ? 'total' : undefined },
    el('th', { scope: 'row', text: total ? t('reports.total') : unitLabel(unit) }),
    el('td', { class: 'head-name', text: total ? '' : [unit.headName, unit.headTitle].filter(Boolean).join(', ') }),
    Figures.map((figure) => (total ? el('td', { text: count(f[figure] ?? 0) }) : figureCell(unit, figure, f[figure]))),
    el('td', { text: rate(f.onTimeRate) }), el('td', { text: mean(f.meanHandlingDays) }), el('td', { text: mean(f.p90HandlingDays) }), el('td', { text: mean(f.meanRating) }));
  box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'report', id: 'report-table' },
    el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, report.units.map((u) => row(u.unit, u.figures))),
    el('tfoot', {}, row(null, report.total, true)))));
}

function renderCharts() {
  const box = clear(byId('report-charts'));
  if (!report || report.units.length === 0) return;
  const months = [...new Set(report.lines.map((l) => l.month))].sort();
  const units = report.units.map((u) => u.unit);
  const sum = (unitId, month, pick) => report.lines.filter((l) => l.unit.unitId === unitId && l.month === month).reduce((a, l) => a + pick(l.figures), 0);
  const rateOf = (unitId, month) => {
    const onTime = sum(unitId, month, (f) => f.resolvedOnTime);
    const judged = sum(unitId, month, (f) => f.resolved + f.openOverdue);
    return judged === 0 ? null : onTime / judged;
  };
  box.append(
    chart({
      id: 'chart-on-time', title: t('reports.chart.onTime'), labels: months,
      datasets: units.map((u) => ({ label: unitLabel(u), axis: 'rate', data: months.map((m) => rateOf(u.unitId, m)) })),
      onSelect: ({ datasetIndex }) => openDrill(units[datasetIndex], 'resolvedLate'),
    }),
    chart({
      id: 'chart-flow', title: t('reports.chart.flow'), labels: months,
      datasets: [
        { label: t('reports.fig.received'), data: months.map((m) => units.reduce((a, u) => a + sum(u.unitId, m, (f) => f.received), 0)) },
        { label: t('reports.fig.resolved'), data: months.map((m) => units.reduce((a, u) => a + sum(u.unitId, m, (f) => f.resolved), 0)) },
        { label: t('reports.fig.openOverdue'), data: months.map((m) => units.reduce((a, u) => a + sum(u.unitId, m, (f) => f.openOverdue), 0)) },
      ],
    }));
}

async function openDrill(unit, figure) {
  drill = { unit, figure, items: null };
  renderDrill();
  try {
    const q = new URLSearchParams({ from: filters.from, to: filters.to, unitId: unit.unitId, figure });
    if (filters.kind) q.set('kind', filters.kind);
    drill.items = (await getJson(`/api/reports/units/cases?${q}`)).items;
  } catch (error) {
    drill.error = generalMessage(error);
  }
  renderDrill();
  byId('drill-heading').focus();
}

function renderDrill() {
  const section = byId('drill');
  section.hidden = !drill;
  const box = clear(byId('drill-list'));
  if (!drill) return;
  byId('drill-heading').textContent = t('reports.drill', { figure: t(`reports.fig.${drill.figure}`), unit: unitLabel(drill.unit) });
  if (drill.error) {
    box.append(el('p', { class: 'form-status', text: drill.error }));
    return;
  }
  if (!drill.items) {
    box.append(el('p', { text: t('common.loading') }));
    return;
  }
  if (drill.items.length === 0) {
    box.append(el('p', { class: 'empty', text: t('dash.empty') }));
    return;
  }
  box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'cases' },
    el('thead', {}, el('tr', {}, ['dash.col.code', 'dash.col.month', 'dash.col.kind'].map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, drill.items.map((i) => el('tr', {},
      el('td', {}, el('a', { href: `/staff/case.html?code=${encodeURIComponent(i.trackingCode)}`, text: i.trackingCode })),
      el('td', { text: monthLabel(i.month) }),
      el('td', { text: kindName(i.kind) })))))));
}

async function loadLeague() {
  const month = byId('league-month').value || currentMonth();
  try {
    league = await getJson(`/api/reports/league?month=${encodeURIComponent(month)}`);
  } catch (error) {
    league = null;
    showPageError(generalMessage(error));
  }
  renderLeague();
}

function change(value) {
  if (value === null || value === undefined || value === 0) return value === 0 ? '=' : '–';
  return value > 0 ? `▲${value}` : `▼${-value}`;
}

function renderLeague() {
  const box = clear(byId('league-table'));
  if (!league) return;
  const head = ['league.col.rank', 'reports.col.unit', 'reports.col.head', 'reports.fig.onTimeRate', 'reports.fig.meanRating', 'reports.fig.openOverdue', 'reports.fig.resolved', 'league.col.change'];
  box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'league', id: 'league-places' },
    el('caption', { text: t('league.caption', { month: monthLabel(league.month) }) }),
    el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, league.places.map((p) => el('tr', { 'data-unit': p.unit.unitId },
      el('td', { text: String(p.rank) }),
      el('th', { scope: 'row', text: unitLabel(p.unit) }),
      el('td', { class: 'head-name', text: [p.unit.headName, p.unit.headTitle].filter(Boolean).join(', ') }),
      el('td', { text: rate(p.onTimeRate) }),
      el('td', { text: mean(p.meanRating) }),
      el('td', { text: count(p.openOverdue) }),
      el('td', { text: count(p.resolved) }),
      el('td', { text: change(p.rankChange), title: p.previousRank ? t('league.previous', { rank: p.previousRank }) : undefined })))),
    el('tfoot', {}, el('tr', { class: 'total' },
      el('td', { text: '' }), el('th', { scope: 'row', text: t('league.province') }), el('td', { text: '' }),
      el('td', { text: rate(league.province.onTimeRate) }), el('td', { text: mean(league.province.meanRating) }),
      el('td', { text: count(league.province.openOverdue) }), el('td', { text: count(league.province.resolved) }), el('td', { text: '' }))))));
}

function render() {
  renderUnits();
  renderDrill();
  renderCharts();
}

initLanguage();
const me = await requireStaff();
if (me) {
  const month = currentMonth();
  byId('from').value = /^\d{4}-\d{2}$/.test(param('from') ?? '') ? param('from') : `${month.slice(0, 4)}-01`;
  byId('to').value = /^\d{4}-\d{2}$/.test(param('to') ?? '') ? param('to') : month;
  byId('kind').value = param('kind') ?? '';
  const unitParam = param('unitId');
  if (unitParam) byId('unit').append(el('option', { value: unitParam, text: unitParam }));
  byId('unit').value = unitParam ?? '';
  byId('league-month').value = month;
  byId('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  byId('print').addEventListener('click', () => window.print());
  byId('league-month').addEventListener('change', loadLeague);
  onLangChange(() => {
    render();
    renderLeague();
  });
  await Promise.all([load(), loadLeague()]);
}
