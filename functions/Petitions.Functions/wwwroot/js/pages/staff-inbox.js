// The staff inbox (staff/inbox.html): escalations and notices, newest first, optionally unread only. Opening an item
// marks it read (POST /api/staff/inbox/{id}/read, CSRF via api.js) and goes to the case; for the responsible head and
// the supervisors, that first reading is recorded on the case ("seen").
import { initLanguage, onLangChange, t, has, formatDate, formatDateTime } from '../i18n.js';
import { getJson, request, generalMessage } from '../api.js';
import { byId, clear, el } from '../dom.js';
import { requireStaff, showPageError } from '../staff.js';
import { refreshInboxBadge } from '../inbox-badge.js';

let items = [];
let continuation = null;

function what(item) {
  if (item.rung && has(`inbox.rung.${item.rung}`)) {
    return t(`inbox.rung.${item.rung}`);
  }
  return has(`inbox.template.${item.template}`) ? t(`inbox.template.${item.template}`) : item.template;
}

function caseHref(item) {
  return `/staff/case.html?code=${encodeURIComponent(item.trackingCode)}`;
}

async function open(event, item) {
  event.preventDefault();
  try {
    await request('POST', `/api/staff/inbox/${encodeURIComponent(item.id)}/read`);
  } catch (error) {
    showPageError(generalMessage(error));
    return;
  }
  location.assign(caseHref(item));
}

function render() {
  const list = clear(byId('inbox-list'));
  if (items.length === 0) {
    list.append(el('p', { class: 'empty', text: t('inbox.empty') }));
    return;
  }
  const head = ['inbox.col.when', 'inbox.col.code', 'inbox.col.what', 'inbox.col.due', 'inbox.col.state'];
  list.append(el('div', { class: 'table-wrap' },
    el('table', { class: 'cases inbox' },
      el('thead', {}, el('tr', {}, head.map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, items.map((item) => {
        const link = el('a', { href: caseHref(item), text: item.trackingCode, 'data-item': item.id });
        link.addEventListener('click', (event) => open(event, item));
        return el('tr', { class: item.read ? 'read' : 'unread' },
          el('td', {}, el('time', { datetime: item.at, text: formatDateTime(item.at) })),
          el('td', {}, link),
          el('td', { text: what(item) }),
          el('td', {}, item.due ? el('time', { datetime: item.due, text: formatDate(item.due) }) : ''),
          el('td', { text: t(item.read ? 'inbox.read' : 'inbox.unread') }));
      })))));
}

async function load({ more = false } = {}) {
  const query = new URLSearchParams({ pageSize: '50' });
  if (byId('unread-only').checked) {
    query.set('unread', 'true');
  }
  if (more && continuation) {
    query.set('continuation', continuation);
  }
  try {
    const page = await getJson(`/api/staff/inbox?${query}`);
    items = more ? [...items, ...page.items] : page.items;
    continuation = page.continuation;
    byId('more').hidden = !continuation;
    render();
    refreshInboxBadge(page.unread);
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
  onLangChange(render);
  byId('unread-only').addEventListener('change', () => load());
  byId('more').addEventListener('click', () => load({ more: true }));
  await load();
}

start();
