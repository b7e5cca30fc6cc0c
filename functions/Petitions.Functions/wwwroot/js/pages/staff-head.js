// The head's desk (staff/head.html): every open case of the unit (GET /api/staff/desk), filtered by officer, kind,
// status and clock state, sorted by due date, paged; the workload per officer; and reassigning the ticked cases to one
// officer (POST /api/staff/desk/reassign). A ticked case's ETag is read when it is ticked (GET /api/staff/cases/{code}),
// so the reassignment is refused for a case that someone else changed after the head chose it.
import { initLanguage, onLangChange, t, has, formatDate } from '../i18n.js';
import { getJson, request, ApiError, generalMessage } from '../api.js';
import { byId, clear, el, param } from '../dom.js';
import { requireStaff, showPageError, roleName } from '../staff.js';
import { kindName, statusName } from '../steps.js';

const PageSize = 20;
const Kinds = ['complaint', 'denunciation', 'petition'];
const Statuses = ['received', 'accepted', 'assigned', 'inProgress', 'suspended'];
const Clocks = ['running', 'dueSoon', 'overdue', 'paused'];

let desk = null;
let filters = { officer: '', kind: '', status: '', clock: '', sort: 'due' };
let page = 1;
const ticked = new Map(); // trackingCode → ETag read when ticked

function options(select, values, label, selected) {
  clear(select).append(...values.map((value) => el('option', { value, text: label(value), selected: value === selected })));
}

function renderFilters() {
  const officers = desk?.officers ?? [];
  options(byId('filter-officer'), ['', ...officers.map((o) => o.id)], (id) => (id ? officers.find((o) => o.id === id)?.name ?? id : t('desk.all')), filters.officer);
  options(byId('filter-kind'), ['', ...Kinds], (k) => (k ? kindName(k) : t('desk.all')), filters.kind);
  options(byId('filter-status'), ['', ...Statuses], (s) => (s ? statusName(s) : t('desk.all')), filters.status);
  options(byId('filter-clock'), ['', ...Clocks], (c) => (c ? t(`desk.clock.${c}`) : t('desk.all')), filters.clock);
  options(byId('filter-sort'), ['due', '-due'], (s) => t(`desk.sort.${s === 'due' ? 'asc' : 'desc'}`), filters.sort);
  options(byId('bulk-officer'), officers.map((o) => o.id), (id) => {
    const o = officers.find((x) => x.id === id);
    return `${o.name} (${roleName(o.role)})`;
  });
}

function renderWorkload() {
  const root = clear(byId('workload'));
  const rows = desk?.workload ?? [];
  if (rows.length === 0) {
    root.append(el('p', { class: 'empty', text: t('dash.empty') }));
    return;
  }
  const head = ['desk.col.officer', 'desk.col.open', 'dash.dueSoon', 'dash.overdue', 'desk.col.escalated'];
  root.append(el('div', { class: 'table-wrap' }, el('table', { class: 'cases workload' },
    el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, rows.map((w) => {
      const show = el('button', { type: 'button', class: 'link-button', 'data-officer': w.officerId, text: `${w.name} (${roleName(w.role)})` });
      show.addEventListener('click', () => applyFilters({ ...filters, officer: w.officerId }));
      return el('tr', { 'data-officer': w.officerId },
        el('th', { scope: 'row' }, show), el('td', { text: w.open }), el('td', { text: w.dueSoon }), el('td', { text: w.overdue }), el('td', { text: w.escalated }));
    })))));
}

async function tick(code, box) {
  if (!box.checked) {
    ticked.delete(code);
    renderBulk();
    return;
  }
  try {
    const { data, headers } = await request('GET', `/api/staff/cases/${encodeURIComponent(code)}`);
    ticked.set(code, headers.get('ETag') ?? data.eTag ?? data.etag);
  } catch (error) {
    box.checked = false;
    showPageError(generalMessage(error));
  }
  renderBulk();
}

function renderCases() {
  const root = clear(byId('desk-list'));
  const items = desk?.items ?? [];
  byId('desk-total').textContent = desk ? t('desk.total', { count: desk.total }) : '';
  if (items.length === 0) {
    root.append(el('p', { class: 'empty', text: t('dash.empty') }));
  } else {
    const head = ['desk.col.pick', 'dash.col.code', 'dash.col.kind', 'dash.col.title', 'dash.col.status', 'desk.col.officer', 'dash.col.due', 'desk.col.clock'];
    root.append(el('div', { class: 'table-wrap' }, el('table', { class: 'cases desk' },
      el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, items.map((item) => {
        const box = el('input', {
          type: 'checkbox', class: 'pick', value: item.trackingCode, checked: ticked.has(item.trackingCode),
          'aria-label': t('desk.pick', { code: item.trackingCode }),
        });
        box.addEventListener('change', () => tick(item.trackingCode, box));
        return el('tr', { 'data-code': item.trackingCode, 'data-clock': item.clock },
          el('td', {}, box),
          el('td', {}, el('a', { href: `/staff/case.html?code=${encodeURIComponent(item.trackingCode)}`, text: item.trackingCode })),
          el('td', { text: kindName(item.kind) }),
          el('td', { text: item.title }),
          el('td', { text: statusName(item.status) }),
          el('td', { class: 'officer', text: item.officerName ?? '—' }),
          el('td', {}, item.due ? el('time', { datetime: item.due, text: formatDate(item.due) }) : '—'),
          el('td', {}, el('span', { class: `tag clock ${item.clock}`, text: t(`desk.clock.${item.clock}`) })));
      })))));
  }
  const pages = desk ? Math.max(1, Math.ceil(desk.total / PageSize)) : 1;
  byId('page-of').textContent = t('desk.pageOf', { page, pages });
  byId('page-prev').disabled = page <= 1;
  byId('page-next').disabled = page >= pages;
}

function renderBulk() {
  byId('bulk-reassign').disabled = ticked.size === 0 || (desk?.officers ?? []).length === 0;
  byId('bulk-reassign').textContent = t('desk.bulk.go', { count: ticked.size });
}

function render() {
  renderFilters();
  renderWorkload();
  renderCases();
  renderBulk();
  const fields = byId('desk-fields');
  fields.hidden = !(desk?.fields ?? []).length;
  fields.textContent = fields.hidden ? '' : t('desk.fields', { fields: desk.fields.map((f) => (has(`area.${f}`) ? t(`area.${f}`) : f)).join(', ') });
}

async function load() {
  const query = new URLSearchParams({ page: String(page), pageSize: String(PageSize) });
  for (const [name, value] of Object.entries(filters)) {
    if (value) {
      query.set(name, value);
    }
  }
  try {
    desk = await getJson(`/api/staff/desk?${query}`);
    showPageError('');
  } catch (error) {
    desk = null;
    showPageError(error instanceof ApiError && error.status === 403 ? t('desk.forbidden') : generalMessage(error));
  }
  render();
}

function applyFilters(next) {
  filters = next;
  page = 1;
  return load();
}

async function reassign(event) {
  event.preventDefault();
  const officerId = byId('bulk-officer').value;
  const cases = [...ticked].map(([trackingCode, etag]) => ({ trackingCode, etag }));
  const status = byId('bulk-status');
  byId('bulk-reassign').disabled = true;
  try {
    const { data } = await request('POST', '/api/staff/desk/reassign', { body: { officerId, cases } });
    const by = (result) => (data.cases ?? []).filter((c) => c.result === result).length;
    const done = by('reassigned');
    const rest = (data.cases ?? []).filter((c) => c.result !== 'reassigned');
    status.textContent = [
      t('desk.bulk.done', { count: done }),
      ...rest.map((c) => t(`desk.bulk.${c.result}`, { code: c.trackingCode })),
    ].join(' ');
    ticked.clear();
  } catch (error) {
    status.textContent = generalMessage(error);
  }
  status.hidden = false;
  await load();
}

async function start() {
  initLanguage();
  const me = await requireStaff();
  if (!me) {
    return;
  }
  // Filters may come in the address (a bookmark, a link from the dashboard): ?officer=&kind=&status=&clock=&sort=.
  for (const name of Object.keys(filters)) {
    const value = param(name);
    if (value) {
      filters[name] = value;
    }
  }
  onLangChange(render);
  byId('desk-filters').addEventListener('change', () => applyFilters({
    officer: byId('filter-officer').value, kind: byId('filter-kind').value, status: byId('filter-status').value,
    clock: byId('filter-clock').value, sort: byId('filter-sort').value,
  }));
  byId('desk-filters').addEventListener('submit', (event) => event.preventDefault());
  byId('page-prev').addEventListener('click', () => { page -= 1; load(); });
  byId('page-next').addEventListener('click', () => { page += 1; load(); });
  byId('bulk').addEventListener('submit', reassign);
  await load();
}

start();
