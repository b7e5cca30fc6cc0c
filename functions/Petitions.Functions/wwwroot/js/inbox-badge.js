// The unread count on the staff header's inbox link (escalate, issue 21): the link is the StaffNav entry of
// js/staff.js; the count comes from GET /api/staff/inbox.
import { t, onLangChange } from './i18n.js';
import { getJson } from './api.js';
import { el } from './dom.js';

let unread = null;

function link() {
  return document.querySelector('#staff-nav a[href="/staff/inbox.html"]');
}

function render() {
  const a = link();
  if (!a) {
    return;
  }
  a.id = 'inbox-link';
  a.removeAttribute('data-i18n'); // its text and badge are set here, also on a language change
  a.textContent = t('staff.nav.inbox');
  if (unread) {
    const badge = el('span', { class: 'badge', id: 'inbox-unread', text: String(unread) });
    badge.setAttribute('aria-label', t('inbox.unreadCount', { count: unread }));
    a.append(' ', badge);
  }
}

/** Shows the link and the unread count (given, or read from the API). */
export async function refreshInboxBadge(count) {
  if (typeof count === 'number') {
    unread = count;
  } else {
    try {
      unread = (await getJson('/api/staff/inbox?unread=true&pageSize=1')).unread;
    } catch {
      unread = null;
    }
  }
  render();
}

onLangChange(render);
