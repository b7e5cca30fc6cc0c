// The staff header's inbox link with its unread count (escalate, issue 21). Until the staff nav is one list in
// staff.js (desk), the link is added to the header's nav here; the count comes from GET /api/staff/inbox.
import { t, onLangChange } from './i18n.js';
import { getJson } from './api.js';
import { el } from './dom.js';

let unread = null;

function link() {
  const nav = document.querySelector('#staff-nav, header .site-nav');
  if (!nav) {
    return null;
  }
  let a = nav.querySelector('a[href="/staff/inbox.html"]');
  if (!a) {
    a = el('a', { href: '/staff/inbox.html', id: 'inbox-link' });
    nav.append(a);
  }
  return a;
}

function render() {
  const a = link();
  if (!a) {
    return;
  }
  a.id = 'inbox-link';
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
