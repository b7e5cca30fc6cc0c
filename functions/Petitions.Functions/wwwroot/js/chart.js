// Grouped bar charts as inline SVG built with DOM APIs (no library): x = month, one bar per unit.
// Each chart comes with a legend and the same figures as a table (for screen readers and print).
import { el, svg } from './dom.js';
import { t, lang } from './i18n.js';

const Width = 640;
const Height = 260;
const Margin = { top: 12, right: 8, bottom: 36, left: 44 };
const SeriesClasses = 6;
let chartCount = 0;

function monthLabel(month) {
  const match = /^(\d{4})-(\d{2})/.exec(month ?? '');
  return match ? `${match[2]}/${match[1]}` : month;
}

/**
 * rows: [{ unitId, month, value }]; format(value) -> text; max: top of the scale (or computed).
 * unitName(id) -> text.
 */
export function barChart({ title, rows, format, max, unitName }) {
  chartCount += 1;
  const captionId = `chart-${chartCount}-caption`;
  const figure = el('figure', { class: 'chart' }, el('figcaption', { id: captionId, text: title }));
  if (rows.length === 0) {
    figure.append(el('p', { class: 'empty', text: t('dash.noData') }));
    return figure;
  }
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const units = [...new Set(rows.map((r) => r.unitId))];
  const top = max ?? Math.max(1, ...rows.map((r) => r.value));
  const plotWidth = Width - Margin.left - Margin.right;
  const plotHeight = Height - Margin.top - Margin.bottom;
  const groupWidth = plotWidth / months.length;
  const barWidth = (groupWidth * 0.8) / units.length;
  const y = (value) => Margin.top + plotHeight - (Math.max(0, value) / top) * plotHeight;

  const chart = svg('svg', {
    viewBox: `0 0 ${Width} ${Height}`, role: 'img', 'aria-labelledby': captionId, class: 'chart-svg', focusable: 'false',
  });
  for (const fraction of [0, 0.5, 1]) {
    const value = top * fraction;
    chart.append(
      svg('line', { class: 'grid', x1: Margin.left, x2: Width - Margin.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'axis', x: Margin.left - 6, y: y(value) + 4, 'text-anchor': 'end', text: format(value) }));
  }
  months.forEach((month, m) => {
    const groupX = Margin.left + m * groupWidth + groupWidth * 0.1;
    chart.append(svg('text', {
      class: 'axis', x: Margin.left + m * groupWidth + groupWidth / 2, y: Height - Margin.bottom + 18, 'text-anchor': 'middle', text: monthLabel(month),
    }));
    units.forEach((unitId, u) => {
      const row = rows.find((r) => r.month === month && r.unitId === unitId);
      if (!row) {
        return;
      }
      const barTop = y(row.value);
      chart.append(svg('rect', {
        class: `bar series-${u % SeriesClasses}`,
        x: groupX + u * barWidth, y: barTop, width: Math.max(1, barWidth - 2), height: Margin.top + plotHeight - barTop,
        'data-unit': unitId, 'data-month': month,
      }, svg('title', { text: `${unitName(unitId)} · ${monthLabel(month)}: ${format(row.value)}` })));
    });
  });

  const legend = el('ul', { class: 'legend' }, units.map((unitId, u) =>
    el('li', {}, el('span', { class: `swatch series-${u % SeriesClasses}`, 'aria-hidden': 'true' }), unitName(unitId))));

  const table = el('table', { class: 'chart-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('dash.col.unit') }), months.map((month) => el('th', { scope: 'col', text: monthLabel(month) })))),
    el('tbody', {}, units.map((unitId) => el('tr', {},
      el('th', { scope: 'row', text: unitName(unitId) }),
      months.map((month) => {
        const row = rows.find((r) => r.month === month && r.unitId === unitId);
        return el('td', { text: row ? format(row.value) : '–' });
      })))));

  figure.append(chart, legend, el('details', {}, el('summary', { text: t('dash.chartData') }), el('div', { class: 'table-wrap' }, table)));
  return figure;
}

export function percent(value) {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function count(value) {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(value);
}
