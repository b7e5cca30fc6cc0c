// Public transparency page (GET /api/public/performance): per unit, the last 12 months' letters received and resolved
// and the on-time rate, as a chart and a table. Counts only: no personal data, no case titles, no names of staff.
import { initLanguage, onLangChange, t, lang, formatDate } from '../i18n.js';
import { getJson, generalMessage } from '../api.js';
import { byId, clear, el } from '../dom.js';
import { chart, percent, count, monthLabel } from '../chart.js';

let data = null;
const name = (u) => (lang() === 'en' ? u.nameEn || u.name : u.name);
const rate = (v) => (v === null || v === undefined ? '–' : percent(v));

function total(months, pick) {
  return months.reduce((a, m) => a + pick(m), 0);
}

function selected() {
  const id = byId('perf-unit').value;
  return id === '' ? data.province : data.units.find((u) => u.unitId === id) ?? data.province;
}

function fillUnits() {
  const select = clear(byId('perf-unit'));
  select.append(el('option', { value: '', text: t('perf.province') }), ...data.units.map((u) => el('option', { value: u.unitId, text: name(u) })));
}

function renderChart() {
  const box = clear(byId('perf-chart'));
  const unit = selected();
  const months = unit.months.map((m) => m.month);
  box.append(chart({
    id: 'perf-chart-figure',
    title: t('perf.chartTitle', { unit: unit === data.province ? t('perf.province') : name(unit) }),
    labels: months,
    datasets: [
      { label: t('perf.received'), data: unit.months.map((m) => m.received) },
      { label: t('perf.resolved'), data: unit.months.map((m) => m.resolved) },
      { label: t('perf.onTime'), axis: 'rate', type: 'line', data: unit.months.map((m) => m.onTimeRate) },
    ],
  }));
}

function renderTable() {
  const box = clear(byId('perf-table'));
  const rows = [...data.units, data.province];
  const judged = (u) => total(u.months, (m) => m.resolved + m.openOverdue);
  box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'report', id: 'perf-units' },
    el('caption', { text: t('perf.caption', { from: monthLabel(data.from), to: monthLabel(data.to) }) }),
    el('thead', {}, el('tr', {}, ['perf.col.unit', 'perf.received', 'perf.resolved', 'perf.onTime'].map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, rows.map((u) => el('tr', { class: u === data.province ? 'total' : undefined },
      el('th', { scope: 'row', text: u === data.province ? t('perf.province') : name(u) }),
      el('td', { text: count(total(u.months, (m) => m.received)) }),
      el('td', { text: count(total(u.months, (m) => m.resolved)) }),
      el('td', { text: judged(u) === 0 ? '–' : rate(total(u.months, (m) => m.resolvedOnTime) / judged(u)) }))))));
}

function render() {
  if (!data) return;
  const keep = byId('perf-unit').value;
  fillUnits();
  byId('perf-unit').value = keep;
  byId('perf-as-of').textContent = t('perf.asOf', { date: formatDate(data.asOf) });
  renderChart();
  renderTable();
}

initLanguage();
onLangChange(render);
byId('perf-unit').addEventListener('change', renderChart);
try {
  data = await getJson('/api/public/performance');
  render();
} catch (error) {
  const status = byId('page-status');
  status.textContent = generalMessage(error);
  status.hidden = false;
}
