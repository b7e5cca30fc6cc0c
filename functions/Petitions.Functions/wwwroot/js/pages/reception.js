// Reception days (tiếp công dân): a unit's upcoming sessions (GET /api/reception/{unit}/sessions) and the
// booking form (POST /api/reception/bookings). ?unit= chooses the unit, ?session= preselects a session (the
// link in an escalation SMS), ?code= prefills the tracking code, ?channel=zalo records that the booking came from Zalo.
import { initLanguage, onLangChange, t, lang, formatDate } from '../i18n.js';
import { request, getJson, ApiError, generalMessage, fieldErrorText } from '../api.js';
import { byId, el, clear, param } from '../dom.js';
import { checkPhone, checkRequired, checkLength, normalisePhone } from '../validate.js';
import { showError, showServerError, clearError } from '../forms.js';

const unitSelect = byId('unit');
const sessionsNode = byId('sessions');
const sessionsStatus = byId('sessions-status');
const form = byId('booking');
const formStatus = byId('form-status');
const confirmation = byId('confirmation');
const channel = param('channel') === 'zalo' ? 'zalo' : 'web';

let units = [];
let sessions = null;
let chosen = null;
let booked = null;
let message = null;
let sessionsMessage = null;

const timeOf = (iso) => iso.slice(11, 16);

function unitName(unit) {
  return lang() === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}

function renderUnits() {
  const current = unitSelect.value || param('unit') || '';
  clear(unitSelect);
  unitSelect.append(el('option', { value: '', text: t('reception.chooseUnit') }));
  const known = units.some((u) => u.id === current);
  for (const unit of units) {
    unitSelect.append(el('option', { value: unit.id, text: unitName(unit) }));
  }
  if (current && !known) {
    unitSelect.append(el('option', { value: current, text: current }));
  }
  unitSelect.value = current;
  byId('ics-link').href = current ? `/api/reception/${encodeURIComponent(current)}.ics` : '#';
  byId('ics-link').hidden = !current;
}

/** Online booking is for periodic sessions that take place and have a place left (docs/reception.md §6). */
function bookable(session) {
  return session.status !== 'cancelled' && session.kind !== 'unscheduled' && session.placesLeft > 0;
}

function sessionLine(session) {
  const when = `${formatDate(session.start)} ${timeOf(session.start)}–${timeOf(session.end)}`;
  const item = el('li', { class: 'session', 'data-session': session.id },
    el('h3', { text: when }),
    el('p', { text: session.place }),
    el('p', { text: `${t('reception.head')}: ${session.head}` }));
  if (session.status === 'cancelled') {
    item.append(el('p', { class: 'tag', text: t('reception.cancelled', { reason: session.reason ?? '' }) }));
    return item;
  }
  if (session.kind === 'unscheduled') {
    item.append(
      el('p', { class: 'tag', text: t('reception.unscheduled', { reason: session.reason ?? '' }) }),
      el('p', { text: t('reception.notBookable') }));
    return item;
  }
  if (session.status === 'moved') {
    item.append(el('p', { class: 'tag', text: t('reception.moved', { date: formatDate(session.originalDate), reason: session.reason ?? '' }) }));
  }
  if (bookable(session)) {
    item.append(el('p', { text: t('reception.placesLeft', { left: session.placesLeft, capacity: session.capacity }) }));
    const button = el('button', { type: 'button', class: 'button', 'data-book': session.id, text: t('reception.choose') });
    button.addEventListener('click', () => choose(session));
    item.append(button);
  } else {
    item.append(el('p', { text: t('reception.full') }));
  }
  return item;
}

function renderSessions() {
  clear(sessionsNode);
  sessionsStatus.hidden = !sessionsMessage;
  sessionsStatus.textContent = sessionsMessage ? (sessionsMessage.text ?? t(sessionsMessage.key)) : '';
  if (!sessions) {
    return;
  }
  const upcoming = sessions.filter((s) => new Date(s.end) > new Date());
  sessionsNode.append(el('h2', { text: t('reception.upcoming') }));
  sessionsNode.append(upcoming.length ? el('ol', { class: 'sessions' }, upcoming.map(sessionLine)) : el('p', { text: t('reception.none') }));
}

function renderForm() {
  form.hidden = !chosen || booked !== null;
  if (chosen) {
    byId('booking-session').textContent = t('reception.book.for', {
      date: formatDate(chosen.start), time: timeOf(chosen.start), place: chosen.place,
    });
  }
  formStatus.hidden = !message;
  formStatus.textContent = message ? (message.text ?? t(message.key)) : '';
}

function renderConfirmation() {
  clear(confirmation);
  confirmation.hidden = !booked;
  if (!booked) {
    return;
  }
  confirmation.append(
    el('h2', { tabindex: '-1', text: t('reception.done.title') }),
    el('p', {}, t('reception.done.code'), ' ', el('strong', { id: 'booking-code', text: booked.bookingCode })),
    el('p', { text: t('reception.done.when', { date: formatDate(booked.date), time: booked.time, place: booked.location }) }),
    el('p', { text: t('reception.done.sms') }),
    el('p', {}, el('a', { href: `/reception-cancel.html?code=${encodeURIComponent(booked.bookingCode)}`, text: t('reception.done.cancel') })));
}

function render() {
  renderUnits();
  renderSessions();
  renderForm();
  renderConfirmation();
}

function choose(session) {
  chosen = session;
  booked = null;
  message = null;
  render();
  byId('name').focus();
}

async function loadSessions() {
  const unit = unitSelect.value;
  sessions = null;
  chosen = null;
  sessionsMessage = null;
  if (!unit) {
    render();
    return;
  }
  sessionsMessage = { key: 'common.loading' };
  render();
  try {
    sessions = await getJson(`/api/reception/${encodeURIComponent(unit)}/sessions`);
    sessionsMessage = null;
    const wanted = param('session');
    chosen = sessions.find((s) => s.id === wanted && bookable(s)) ?? null;
  } catch (error) {
    sessionsMessage = error instanceof ApiError && error.status === 404 ? { key: 'reception.unknownUnit' } : { text: generalMessage(error) };
  }
  render();
}

const Fields = { 'citizen.name': 'name', 'citizen.phone': 'phone', topic: 'topic', trackingCode: 'trackingCode' };

async function submit(event) {
  event.preventDefault();
  const name = byId('name');
  const phone = byId('phone');
  const topic = byId('topic');
  const checks = [
    [name, checkRequired(name.value) ?? checkLength(name.value, 100)],
    [phone, checkPhone(phone.value)],
    [topic, checkRequired(topic.value) ?? checkLength(topic.value, 1000)],
  ];
  for (const [input, problem] of checks) {
    if (problem) {
      showError(input, problem.code, problem.params);
    } else {
      clearError(input);
    }
  }
  const first = checks.find(([, problem]) => problem);
  if (first) {
    first[0].focus();
    return;
  }
  message = null;
  const body = {
    sessionId: chosen.id,
    citizen: { name: name.value.trim(), phone: normalisePhone(phone.value) },
    topic: topic.value.trim(),
    trackingCode: byId('trackingCode').value.trim() || null,
    channel,
  };
  try {
    booked = (await request('POST', '/api/reception/bookings', { body })).data;
    render();
    confirmation.querySelector('h2')?.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      message = { key: 'reception.book.full' };
      await loadSessions();
      return;
    }
    // A 400 carries the API's field errors ({ field, code, message, messageVi }): each goes next to its field, in
    // the page's language (and again when the language changes); one without a field here goes to the form's line.
    const fieldErrors = error instanceof ApiError && error.errors.length > 0 ? error.errors : null;
    if (fieldErrors) {
      const rest = [];
      for (const fieldError of fieldErrors) {
        const input = Fields[fieldError.field] ? byId(Fields[fieldError.field]) : null;
        if (input) {
          showServerError(input, fieldError);
        } else {
          rest.push(fieldErrorText(fieldError, lang()));
        }
      }
      message = rest.length > 0 ? { text: `${t('reception.book.fix')} ${rest.join(' ')}` } : { key: 'reception.book.fix' };
    } else {
      message = { text: generalMessage(error) };
    }
    renderForm();
  }
}

initLanguage();
onLangChange(render);
byId('trackingCode').value = param('code') ?? '';
unitSelect.addEventListener('change', loadSessions);
form.addEventListener('submit', submit);
render();
try {
  units = await getJson('/api/units');
} catch {
  units = [];
}
render();
await loadSessions();
