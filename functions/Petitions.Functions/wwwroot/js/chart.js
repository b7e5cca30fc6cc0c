// Charts drawn by Chart.js (npm "chart.js", pinned in functions/Petitions.Functions/package-lock.json and served from
// our own /lib/chart.umd.min.js, never a CDN). Each chart comes with the same figures as a table (for screen readers,
// for print and when the library cannot load). The library is loaded once, on the first chart.
import { el } from './dom.js';
import { t, lang } from './i18n.js';

const LibraryUrl = '/lib/chart.umd.min.js';
// Colour-blind-safe palette (Okabe–Ito), also distinguishable in greyscale print by the table beside it.
const Palette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
let loading = null;
let chartCount = 0;
const live = new Set();

/** Chart.js, loaded from our own files on first use. */
export function chartLibrary() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LibraryUrl;
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => reject(new Error('chart library')));
    document.head.append(script);
  });
  return loading;
}

export function monthLabel(month) {
  const match = /^(\d{4})-(\d{2})/.exec(month ?? '');
  return match ? `${match[2]}/${match[1]}` : month;
}

/** Charts whose canvas left the page (a re-render) are destroyed, so their observers go too. */
function sweep() {
  for (const chart of live) {
    if (!chart.canvas?.isConnected) {
      chart.destroy();
      live.delete(chart);
    }
  }
}

/**
 * A chart with its data table.
 * labels: x values (months yyyy-MM are shown as MM/yyyy); datasets: [{ label, data: [number|null], type?: 'bar'|'line',
 * axis?: 'rate' }]; format(value) -> text for counts, rate values are 0..1 shown as percents;
 * onSelect({ datasetIndex, index }) is called when a bar or point is clicked (drill-down).
 */
export function chart({ title, labels, datasets, format = count, onSelect, id }) {
  chartCount += 1;
  const captionId = `chart-${chartCount}-caption`;
  const figure = el('figure', { class: 'chart', id }, el('figcaption', { id: captionId, text: title }));
  if (labels.length === 0 || datasets.length === 0) {
    figure.append(el('p', { class: 'empty', text: t('dash.noData') }));
    return figure;
  }
  const shown = labels.map(monthLabel);
  const canvas = el('canvas', { role: 'img', 'aria-labelledby': captionId, class: 'chart-canvas' });
  const valueText = (dataset, value) => (value === null || value === undefined ? '–' : dataset.axis === 'rate' ? percent(value) : format(value));
  const table = el('table', { class: 'chart-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '' }), shown.map((label) => el('th', { scope: 'col', text: label })))),
    el('tbody', {}, datasets.map((dataset) => el('tr', {},
      el('th', { scope: 'row', text: dataset.label }),
      dataset.data.map((value) => el('td', { text: valueText(dataset, value) }))))));
  figure.append(el('div', { class: 'chart-box' }, canvas),
    el('details', { class: 'chart-data' }, el('summary', { text: t('dash.chartData') }), el('div', { class: 'table-wrap' }, table)));

  chartLibrary().then((Chart) => {
    sweep();
    if (!canvas.isConnected && !document.contains(figure)) {
      // Not yet in the page: draw once it is.
      requestAnimationFrame(() => draw(Chart));
      return;
    }
    draw(Chart);
  }).catch(() => {
    figure.querySelector('details')?.setAttribute('open', '');
    figure.dataset.chart = 'unavailable';
  });

  function draw(Chart) {
    const hasRate = datasets.some((d) => d.axis === 'rate');
    const instance = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: shown,
        datasets: datasets.map((d, i) => ({
          type: d.type ?? 'bar',
          label: d.label,
          data: d.data,
          yAxisID: d.axis === 'rate' ? 'rate' : 'y',
          backgroundColor: Palette[i % Palette.length],
          borderColor: Palette[i % Palette.length],
          borderWidth: d.type === 'line' ? 2 : 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang() === 'vi' ? 'vi-VN' : 'en-GB',
        onClick: (event, elements) => {
          if (onSelect && elements.length > 0) {
            onSelect({ datasetIndex: elements[0].datasetIndex, index: elements[0].index });
          }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${valueText(datasets[item.datasetIndex], item.raw)}` } },
        },
        scales: {
          y: { beginAtZero: true, display: datasets.some((d) => d.axis !== 'rate'), ticks: { callback: (v) => format(v) } },
          ...(hasRate ? { rate: { position: 'right', min: 0, max: 1, ticks: { callback: (v) => percent(v) }, grid: { drawOnChartArea: false } } } : {}),
        },
      },
    });
    live.add(instance);
    figure.dataset.chart = 'drawn';
  }
  return figure;
}

/**
 * Grouped bars, x = month, one bar per unit (the dashboard's charts).
 * rows: [{ unitId, month, value }]; format(value) -> text; max: top of the scale (1 for rates); unitName(id) -> text.
 */
export function barChart({ title, rows, format, max, unitName, onSelect }) {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const units = [...new Set(rows.map((r) => r.unitId))];
  const isRate = max === 1;
  return chart({
    title,
    labels: months,
    format,
    datasets: units.map((unitId) => ({
      label: unitName(unitId),
      axis: isRate ? 'rate' : undefined,
      data: months.map((month) => rows.find((r) => r.month === month && r.unitId === unitId)?.value ?? null),
    })),
    onSelect: onSelect ? ({ datasetIndex, index }) => onSelect({ unitId: units[datasetIndex], month: months[index] }) : undefined,
  });
}

export function percent(value) {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function count(value) {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}
