// Staff sign-in: the development login (GET /dev/staff, POST /dev/login) where the app offers it,
// and the platform's sign-in (/.auth/login/aad) in Azure. GET /api/staff/me answers 401 with an
// x-petitions-auth-mode hint ("development" or "platform"); without a hint both are offered.
import { initLanguage, onLangChange, t } from '../i18n.js';
import { request, getJson, ApiError, generalMessage } from '../api.js';
import { byId, el, clear, param } from '../dom.js';
import { roleName } from '../staff.js';

/** Only a path on this site (never another origin) is a place to come back to. */
function returnTo() {
  const target = param('returnTo');
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/staff/index.html';
}

function showError(text) {
  const status = byId('page-status');
  status.textContent = text;
  status.hidden = !text;
}

async function login(staffId) {
  try {
    await request('POST', '/dev/login', { body: { staffId } });
    location.assign(returnTo());
  } catch (error) {
    showError(`${t('staff.login.failed')} ${generalMessage(error)}`);
  }
}

let devStaff = [];

function renderDevStaff() {
  const list = clear(byId('dev-staff'));
  for (const person of devStaff) {
    const id = person.staffId ?? person.id;
    const button = el('button', { type: 'button', class: 'button choice-button', 'data-staff-id': id },
      el('strong', { text: person.name }),
      el('span', { class: 'small', text: ` ${person.title || roleName(person.role)} · ${person.unitName ?? person.unitId ?? ''}` }));
    button.addEventListener('click', () => login(id));
    list.append(el('li', {}, button));
  }
}

async function start() {
  initLanguage();
  onLangChange(renderDevStaff);
  byId('platform-link').href = `/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(returnTo())}`;
  let mode = null;
  try {
    const me = await getJson('/api/staff/me');
    byId('signed-in-text').textContent = t('staff.login.signedIn', { name: me.name });
    byId('signed-in').hidden = false;
    return;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      mode = error.authMode;
    }
  }
  if (mode !== 'platform') {
    try {
      devStaff = await getJson('/dev/staff');
      renderDevStaff();
      byId('dev-login').hidden = false;
    } catch {
      devStaff = [];
    }
  }
  byId('platform-login').hidden = mode === 'development' && devStaff.length > 0;
}

start();
