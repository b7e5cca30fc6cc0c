// Dashboard: counts (GET /api/staff/dashboard), the case list of the chosen view, and charts of the
// on-time rate and the backlog by unit and month.
import { initLanguage, onLangChange, t, lang } from '../i18n.js';
import { getJson, generalMessage } from '../api.js';
import { byId, clear, el } from '../dom.js';
import { requireStaff, caseTable, loadCases, unitNames, showPageError } from '../staff.js';
import { barChart, percent, count } from '../chart.js';

const ViewKeys = { mine: 'dash.mine', 'due-soon': 'dash.dueSoon', overdue: 'dash.overdue', escalated: 'dash.escalated', unit: 'dash.unit' };
let view = 'mine';
let dashboard = null;
let cases = [];
let unitName = (id) => id;

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
  onLangChange(() => {
    renderCounts();
    renderList();
    renderCharts();
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
  await showView('mine');
}

start();
