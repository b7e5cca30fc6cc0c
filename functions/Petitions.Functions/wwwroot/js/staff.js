// Shared by the staff pages: who is signed in (GET /api/staff/me), the header, sign-out, the case tables.
import { t, has, formatDate, onLangChange } from './i18n.js';
import { getJson, request, ApiError, generalMessage } from './api.js';
import { byId, el, clear } from './dom.js';
import { kindName, statusName } from './steps.js';
import { refreshInboxBadge } from './inbox-badge.js';

/**
 * The staff navigation, one entry per page: { href, key } (key: the i18n key of its label). Each area adds its own
 * line here and nothing else (PLATFORM.md); the header of every staff page is built from this list.
 */
export const StaffNav = [
  { href: '/staff/index.html', key: 'staff.nav.dashboard' },
  { href: '/staff/head.html', key: 'staff.nav.head' },
  { href: '/staff/reception.html', key: 'staff.nav.reception' },
  { href: '/staff/watch.html', key: 'staff.nav.watch' },
  { href: '/staff/inbox.html', key: 'staff.nav.inbox' },
  { href: '/staff/reports.html', key: 'staff.nav.reports' },
  { href: '/staff/counter.html', key: 'staff.nav.counter' },
];

/** Fills the header's <nav id="staff-nav"> from StaffNav, marking the current page. */
export function renderStaffNav(nav = byId('staff-nav')) {
  if (!nav) {
    return;
  }
  const here = location.pathname.endsWith('/') ? `${location.pathname}index.html` : location.pathname;
  clear(nav).append(...StaffNav.map(({ href, key }) => el('a', {
    href, 'data-i18n': key, text: t(key), 'aria-current': here === href ? 'page' : null,
  })));
}

export function roleName(role) {
  return has(`staff.role.${role}`) ? t(`staff.role.${role}`) : role ?? '';
}

/** The signed-in staff member; on 401 goes to the sign-in page and resolves to null. */
export async function requireStaff() {
  renderStaffNav();
  try {
    const me = await getJson('/api/staff/me');
    const render = () => {
      byId('me').textContent = `${me.name} · ${me.title || roleName(me.role)} · ${me.unitName ?? me.unitId}`;
    };
    render();
    onLangChange(render);
    byId('logout').addEventListener('click', logout);
    refreshInboxBadge();
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const back = location.pathname + location.search;
      location.assign(`/staff/login.html?returnTo=${encodeURIComponent(back)}`);
      return null;
    }
    showPageError(generalMessage(error));
    return null;
  }
}

async function logout() {
  try {
    await request('POST', '/api/staff/logout');
  } finally {
    location.assign('/staff/login.html');
  }
}

export function showPageError(text) {
  const status = byId('page-status');
  status.textContent = text;
  status.hidden = !text;
}

/** A table of case summaries ({ trackingCode, kind, title, status, unitId, officerId, due, escalation }). */
export function caseTable(items, unitName = (id) => id) {
  if (items.length === 0) {
    return el('p', { class: 'empty', text: t('dash.empty') });
  }
  const head = ['dash.col.code', 'dash.col.kind', 'dash.col.title', 'dash.col.status', 'dash.col.unit', 'dash.col.due', 'dash.col.escalation'];
  return el('div', { class: 'table-wrap' },
    el('table', { class: 'cases' },
      el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, items.map((item) => el('tr', {},
        el('td', {}, el('a', { href: `/staff/case.html?code=${encodeURIComponent(item.trackingCode)}`, text: item.trackingCode })),
        el('td', { text: kindName(item.kind) }),
        el('td', { text: item.title }),
        el('td', { text: statusName(item.status) }),
        el('td', { text: unitName(item.unitId) }),
        el('td', {}, item.due ? el('time', { datetime: item.due, text: formatDate(item.due) }) : ''),
        el('td', { text: item.escalation ?? '' }))))));
}

/** Every page of a staff case view, following the continuation token. */
export async function loadCases(view, { maxPages = 5 } = {}) {
  const items = [];
  let continuation = null;
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams({ view, pageSize: '50' });
    if (continuation) {
      query.set('continuation', continuation);
    }
    const data = await getJson(`/api/staff/cases?${query}`);
    items.push(...(data.items ?? []));
    continuation = data.continuation;
    if (!continuation) {
      break;
    }
  }
  return { items, continuation };
}

/** Unit names for ids, from the public unit list. */
export async function unitNames() {
  try {
    const units = await getJson('/api/units');
    const names = new Map(units.map((u) => [u.id, u]));
    return (id, english = false) => {
      const unit = names.get(id);
      return unit ? (english && unit.nameEn ? unit.nameEn : unit.name) : id;
    };
  } catch {
    return (id) => id;
  }
}
