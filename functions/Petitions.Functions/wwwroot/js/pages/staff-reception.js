// Reception days for staff (staff/reception.html[?session=…]): the signed-in member's unit's sessions
// (GET /api/reception/{unit}/sessions), a session's agenda (GET …/sessions/{id}/agenda) with the escalated and
// overdue cases first, walk-ins (POST …/walk-ins), the record of a meeting on a case (POST …/meetings), cancelling
// a session (POST …/cancel, confirmed in a <dialog> with a reason) and recording an unscheduled reception
// (tiếp đột xuất, POST /api/reception/units/{unit}/unscheduled). Every POST carries the CSRF header (api.js).
import { initLanguage, onLangChange, t, lang, formatDate, formatTime, vietnamDay } from '../i18n.js';
import { request, getJson, ApiError, generalMessage, fieldErrorText } from '../api.js';
import { byId, el, clear, param } from '../dom.js';
import { requireStaff, showPageError } from '../staff.js';
import { stepName, statusName } from '../steps.js';
import { checkPhone, checkRequired, checkLength, normalisePhone } from '../validate.js';
import { showError, showServerError, clearError } from '../forms.js';

const DefaultDays = 60;
const DayPattern = /^\d{4}-\d{2}-\d{2}$/;

let me = null;
let sessions = null; // the list as the API answered
let chosenId = null; // the session whose agenda is open
let agenda = null;
let agendaError = null;
let cancelling = null; // the session in the cancel dialog
let done = null; // { key, params } of the last success shown in #page-status's sibling
let agendaRequest = 0;

/** "2026-05-04" plus n days. */
function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return date.toISOString().slice(0, 10);
}

function when(session) {
  return t('staffReception.when', {
    date: formatDate(vietnamDay(session.start)), start: formatTime(session.start), end: formatTime(session.end),
  });
}

function showDone(key, params) {
  done = key ? { key, params } : null;
  renderDone();
}

function renderDone() {
  const node = byId('page-done');
  node.textContent = done ? t(done.key, done.params) : '';
  node.hidden = !done;
}

function renderUnit() {
  byId('unit-line').textContent = me ? t('staffReception.unit', { unit: me.unitName ?? me.unitId }) : '';
}

// ---- Sessions ----

function statusLine(session) {
  if (session.status === 'cancelled') {
    return el('p', { class: 'tag cancelled', text: t('reception.cancelled', { reason: session.reason ?? '' }) });
  }
  if (session.kind === 'unscheduled') {
    return el('p', { class: 'tag unscheduled', text: t('staffReception.unscheduledTag', { reason: session.reason ?? '' }) });
  }
  if (session.status === 'moved') {
    return el('p', { class: 'tag moved', text: t('reception.moved', { date: formatDate(session.originalDate), reason: session.reason ?? '' }) });
  }
  return el('p', { class: 'tag', text: t('staffReception.scheduled') });
}

function placesLine(session) {
  if (session.status === 'cancelled' || session.kind === 'unscheduled' || !(session.capacity > 0)) {
    return null;
  }
  const booked = Math.max(0, session.capacity - (session.placesLeft ?? 0));
  return el('p', { class: 'small', text: t('staffReception.booked', { booked, capacity: session.capacity }) });
}

/** Only the unit's head or deputy may cancel a session (the API answers 403 to others). */
function mayCancel() {
  return me?.role === 'head' || me?.role === 'deputy';
}

function sessionItem(session) {
  const open = el('button', {
    type: 'button', class: 'button', 'data-agenda': session.id, 'aria-pressed': String(session.id === chosenId),
    text: t('staffReception.openAgenda'),
  });
  open.addEventListener('click', () => openAgenda(session.id, true));
  const buttons = el('div', { class: 'actions' }, open);
  if (session.status !== 'cancelled' && mayCancel()) {
    const cancel = el('button', { type: 'button', class: 'button', 'data-cancel': session.id, text: t('staffReception.cancel.open') });
    cancel.addEventListener('click', () => openCancel(session));
    buttons.append(cancel);
  }
  return el('li', {
    class: session.id === chosenId ? 'session chosen' : 'session',
    'data-session': session.id, 'data-status': session.status, 'data-kind': session.kind ?? 'periodic',
  },
  el('h3', { text: when(session) }),
  statusLine(session),
  el('p', { text: session.place }),
  el('p', { class: 'small', text: `${t('reception.head')}: ${session.head ?? ''}` }),
  placesLine(session),
  buttons);
}

function renderSessions() {
  const node = clear(byId('sessions'));
  if (!sessions) {
    return;
  }
  const ordered = [...sessions].sort((a, b) => String(a.start).localeCompare(String(b.start)));
  node.append(ordered.length
    ? el('ol', { class: 'sessions' }, ordered.map(sessionItem))
    : el('p', { class: 'empty', text: t('staffReception.noSessions') }));
}

function range() {
  const from = byId('range-from').value;
  const to = byId('range-to').value;
  return { from, to };
}

async function loadSessions() {
  if (!me) {
    return;
  }
  const { from, to } = range();
  const query = new URLSearchParams();
  if (DayPattern.test(from)) {
    query.set('from', from);
  }
  if (DayPattern.test(to)) {
    query.set('to', to);
  }
  try {
    sessions = await getJson(`/api/reception/${encodeURIComponent(me.unitId)}/sessions?${query}`);
    if (!Array.isArray(sessions)) {
      sessions = [];
    }
    showPageError('');
  } catch (error) {
    sessions = null;
    showPageError(t('staffReception.sessionsError', { message: problemText(error) }));
  }
  renderSessions();
}

/** The text of a problem: its field messages in the page's language when it has some (400), else the general message. */
function problemText(error) {
  const errors = fieldErrors(error);
  if (errors) {
    return errors.map((e) => fieldErrorText(e, lang())).join(' ');
  }
  return generalMessage(error);
}

/** A validation problem's field errors ([{ field, code, message, messageVi }]), or null. */
function fieldErrors(error) {
  return error instanceof ApiError && error.errors.length > 0 ? error.errors : null;
}

// ---- Agenda ----

const RungKeys = { supervisor: 'staffReception.rung.supervisor', overdue: 'staffReception.rung.overdue', 'unit-head': 'staffReception.rung.unitHead', reminder: 'staffReception.rung.reminder' };

function priorityMark(item) {
  const rung = RungKeys[item.escalation] ? t(RungKeys[item.escalation]) : item.escalation;
  return el('p', { class: 'tag priority', text: rung ? t('staffReception.priorityWith', { rung }) : t('staffReception.priority') });
}

/** The API's case status ("InProgress" from the agenda, "inProgress" elsewhere) by name. */
function caseStatusName(status) {
  if (!status) {
    return '';
  }
  return statusName(status.charAt(0).toLowerCase() + status.slice(1));
}

function agendaItem(item, index) {
  const representatives = Array.isArray(item.representatives) ? item.representatives : [];
  const place = item.place ? t('staffReception.place', { place: item.place }) : t('staffReception.overCapacity');
  const slot = item.slot ? ` · ${String(item.slot).slice(0, 5)}` : '';
  const node = el('li', {
    class: item.priority ? 'agenda-item priority' : 'agenda-item',
    'data-booking': item.bookingCode, 'data-priority': String(Boolean(item.priority)), 'data-index': String(index),
  },
  item.priority ? priorityMark(item) : null,
  el('p', { class: 'agenda-place' }, el('strong', { text: `${place}${slot}` }), ' · ', t(`staffReception.channel.${item.channel}`), ' · ', t('staffReception.bookingCode', { code: item.bookingCode ?? '' })),
  representatives.length
    ? el('ul', { class: 'representatives' }, representatives.map((person) => el('li', {},
      el('span', { class: 'person-name', text: person.name ?? '' }),
      person.phone ? el('span', { class: 'small', text: ` · ${person.phone}` }) : null)))
    : el('p', { class: 'small', text: t('staffReception.identityProtected') }),
  item.coSigners > 0 ? el('p', { class: 'small', text: t('staffReception.coSigners', { count: item.coSigners }) }) : null,
  el('p', { class: 'agenda-topic', text: item.topic ?? '' }));
  if (item.trackingCode) {
    node.append(el('p', {},
      `${t('staffReception.case')}: `,
      el('a', { href: `/staff/case.html?code=${encodeURIComponent(item.trackingCode)}`, text: item.trackingCode }),
      item.caseStatus ? ` · ${caseStatusName(item.caseStatus)}` : ''));
  }
  const deadlines = Array.isArray(item.deadlines) ? item.deadlines : [];
  if (deadlines.length) {
    node.append(el('ul', { class: 'deadlines' }, deadlines.map((deadline) => el('li', {},
      `${stepName(deadline.step)}: `, el('time', { datetime: deadline.due, text: formatDate(deadline.due) })))));
  }
  if (item.trackingCode) {
    const record = el('button', { type: 'button', class: 'button', 'data-meeting': item.bookingCode, text: t('staffReception.meeting.forItem') });
    record.addEventListener('click', () => prefillMeeting(item));
    node.append(el('div', { class: 'actions' }, record));
  }
  return node;
}

function chosenSession() {
  return sessions?.find((s) => s.id === chosenId) ?? null;
}

function renderAgenda() {
  const section = byId('agenda-section');
  section.hidden = !chosenId;
  const node = clear(byId('agenda'));
  if (!chosenId) {
    return;
  }
  const session = chosenSession();
  const source = agenda ?? session;
  byId('agenda-heading').textContent = source
    ? t('staffReception.agendaFor', { when: when(source) })
    : t('staffReception.agenda');
  byId('agenda-meta').textContent = source?.place ?? '';
  byId('walkin').hidden = session?.status === 'cancelled';
  if (agendaError) {
    node.append(el('p', { class: 'form-status', text: agendaError }));
    return;
  }
  if (!agenda) {
    node.append(el('p', { class: 'hint', text: t('common.loading') }));
    return;
  }
  const items = Array.isArray(agenda.items) ? agenda.items : [];
  // The API puts the escalated and overdue cases first; keep its order otherwise.
  const ordered = items.map((item, index) => ({ item, index }))
    .sort((a, b) => Number(Boolean(b.item.priority)) - Number(Boolean(a.item.priority)) || a.index - b.index)
    .map(({ item }) => item);
  node.append(ordered.length
    ? el('ol', { class: 'agenda' }, ordered.map(agendaItem))
    : el('p', { class: 'empty', text: t('staffReception.noBookings') }));
}

async function openAgenda(sessionId, focus) {
  chosenId = sessionId;
  agenda = null;
  agendaError = null;
  const url = new URL(location.href);
  url.searchParams.set('session', sessionId);
  history.replaceState(null, '', url);
  renderSessions();
  renderAgenda();
  await loadAgenda();
  if (focus) {
    byId('agenda-heading').focus();
  }
}

async function loadAgenda() {
  const ticket = ++agendaRequest;
  const sessionId = chosenId;
  try {
    const data = await getJson(`/api/reception/sessions/${encodeURIComponent(sessionId)}/agenda`);
    if (ticket !== agendaRequest) {
      return;
    }
    agenda = data;
    agendaError = null;
  } catch (error) {
    if (ticket !== agendaRequest) {
      return;
    }
    agenda = null;
    agendaError = error instanceof ApiError && error.status === 404 ? t('staffReception.noSession') : generalMessage(error);
  }
  renderAgenda();
}

// ---- Forms shared helpers ----

function setStatus(id, text) {
  const node = byId(id);
  node.textContent = text ?? '';
  node.hidden = !text;
}

/** Client checks: [input, problem] pairs; shows each, focuses the first wrong field; true when all pass. */
function check(pairs) {
  for (const [input, problem] of pairs) {
    if (problem) {
      showError(input, problem.code, problem.params);
    } else {
      clearError(input);
    }
  }
  const first = pairs.find(([, problem]) => problem);
  if (first) {
    first[0].focus();
    return false;
  }
  return true;
}

/**
 * Puts a 400's field errors next to their inputs (fields maps API field → input id); the rest goes to the form's
 * status. Returns true when there were field errors.
 */
function placeFieldErrors(error, fields, statusId, fixKey) {
  const errors = fieldErrors(error);
  if (!errors) {
    return false;
  }
  const rest = [];
  let first = null;
  for (const fieldError of errors) {
    const input = fields[fieldError.field] ? byId(fields[fieldError.field]) : null;
    if (input) {
      showServerError(input, fieldError);
      first ??= input;
    } else {
      rest.push(fieldErrorText(fieldError, lang()));
    }
  }
  setStatus(statusId, [t(fixKey), ...rest].join(' '));
  first?.focus();
  return true;
}

function clearFields(ids) {
  for (const id of ids) {
    clearError(byId(id));
  }
}

// ---- Walk-in ----

const WalkInFields = { 'citizen.name': 'walkin-name', 'citizen.phone': 'walkin-phone', topic: 'walkin-topic', trackingCode: 'walkin-code' };

async function submitWalkIn(event) {
  event.preventDefault();
  const name = byId('walkin-name');
  const phone = byId('walkin-phone');
  const topic = byId('walkin-topic');
  setStatus('walkin-status', '');
  setStatus('walkin-done', '');
  const ok = check([
    [name, checkRequired(name.value) ?? checkLength(name.value, 100)],
    [phone, phone.value.trim() === '' ? null : checkPhone(phone.value)],
    [topic, checkRequired(topic.value) ?? checkLength(topic.value, 1000)],
  ]);
  if (!ok) {
    return;
  }
  clearFields(Object.values(WalkInFields));
  const citizen = { name: name.value.trim() };
  if (phone.value.trim() !== '') {
    citizen.phone = normalisePhone(phone.value);
  }
  const body = { citizen, topic: topic.value.trim() };
  const code = byId('walkin-code').value.trim();
  if (code !== '') {
    body.trackingCode = code.toUpperCase();
  }
  const submit = byId('walkin-submit');
  submit.disabled = true;
  try {
    const { data } = await request('POST', `/api/reception/sessions/${encodeURIComponent(chosenId)}/walk-ins`, { body });
    byId('walkin').reset();
    setStatus('walkin-done', data?.overCapacity || data?.place == null
      ? t('staffReception.walkin.doneOver', { code: data?.bookingCode ?? '' })
      : t('staffReception.walkin.done', { code: data.bookingCode, place: data.place }));
    await Promise.all([loadAgenda(), loadSessions()]);
  } catch (error) {
    if (!placeFieldErrors(error, WalkInFields, 'walkin-status', 'reception.book.fix')) {
      setStatus('walkin-status', error instanceof ApiError && error.status === 404 ? t('staffReception.noSession') : generalMessage(error));
    }
  } finally {
    submit.disabled = false;
  }
}

// ---- Meeting record ----

const MeetingFields = {
  trackingCode: 'meeting-code', attendees: 'meeting-attendees', raised: 'meeting-raised', direction: 'meeting-direction', followUpDate: 'meeting-followup',
};

function prefillMeeting(item) {
  byId('meeting-code').value = item.trackingCode ?? '';
  const names = (item.representatives ?? []).map((person) => person.name).filter(Boolean);
  if (me?.name) {
    names.push(me.name);
  }
  if (byId('meeting-attendees').value.trim() === '') {
    byId('meeting-attendees').value = names.join('\n');
  }
  setStatus('meeting-done', '');
  byId('meeting-raised').focus();
}

async function submitMeeting(event) {
  event.preventDefault();
  const code = byId('meeting-code');
  const attendees = byId('meeting-attendees');
  const raised = byId('meeting-raised');
  const direction = byId('meeting-direction');
  setStatus('meeting-status', '');
  setStatus('meeting-done', '');
  const ok = check([
    [code, checkRequired(code.value)],
    [attendees, checkRequired(attendees.value)],
    [raised, checkRequired(raised.value)],
    [direction, checkRequired(direction.value)],
  ]);
  if (!ok) {
    return;
  }
  clearFields(Object.values(MeetingFields));
  const body = {
    trackingCode: code.value.trim().toUpperCase(),
    attendees: attendees.value.split('\n').map((line) => line.trim()).filter(Boolean),
    raised: raised.value.trim(),
    direction: direction.value.trim(),
  };
  const followUp = byId('meeting-followup').value;
  if (followUp) {
    body.followUpDate = followUp;
  }
  const submit = byId('meeting-submit');
  submit.disabled = true;
  try {
    await request('POST', `/api/reception/sessions/${encodeURIComponent(chosenId)}/meetings`, { body });
    byId('meeting').reset();
    setStatus('meeting-done', t('staffReception.meeting.done', { code: body.trackingCode }));
  } catch (error) {
    if (!placeFieldErrors(error, MeetingFields, 'meeting-status', 'reception.book.fix')) {
      setStatus('meeting-status', error instanceof ApiError && error.status === 404
        ? t('staffReception.meeting.notFound', { code: body.trackingCode })
        : generalMessage(error));
    }
  } finally {
    submit.disabled = false;
  }
}

// ---- Cancel a session ----

function openCancel(session) {
  cancelling = session;
  byId('cancel-form').reset();
  clearError(byId('cancel-reason'));
  setStatus('cancel-status', '');
  renderCancelText();
  byId('cancel-dialog').showModal();
  byId('cancel-reason').focus();
}

function renderCancelText() {
  if (cancelling) {
    byId('cancel-text').textContent = t('staffReception.cancel.text', { when: when(cancelling), place: cancelling.place ?? '' });
  }
}

async function confirmCancel(event) {
  event.preventDefault();
  const reason = byId('cancel-reason');
  setStatus('cancel-status', '');
  if (!check([[reason, checkRequired(reason.value) ?? checkLength(reason.value, 200)]])) {
    return;
  }
  const session = cancelling;
  const confirm = byId('cancel-confirm');
  confirm.disabled = true;
  try {
    const { data } = await request('POST', `/api/reception/sessions/${encodeURIComponent(session.id)}/cancel`, { body: { reason: reason.value.trim() } });
    byId('cancel-dialog').close();
    showDone('staffReception.cancel.done', {
      when: when(session), reason: data?.reason ?? reason.value.trim(), count: data?.bookingsNotified ?? 0,
    });
    await loadSessions();
    if (chosenId === session.id) {
      await loadAgenda();
    }
  } catch (error) {
    if (placeFieldErrors(error, { reason: 'cancel-reason' }, 'cancel-status', 'reception.book.fix')) {
      return;
    }
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 403 || status === 404 || status === 409) {
      byId('cancel-dialog').close();
      showDone(null);
      const key = { 403: 'staffReception.cancel.forbidden', 404: 'staffReception.noSession', 409: 'staffReception.cancel.conflict' }[status];
      const detail = status === 409 && error.problem?.detail && error.problem.detail !== error.problem.title ? ` (${error.problem.detail})` : '';
      await loadSessions();
      showPageError(`${t(key)}${detail}`);
    } else {
      setStatus('cancel-status', generalMessage(error));
    }
  } finally {
    confirm.disabled = false;
  }
}

// ---- Unscheduled reception ----

const UnscheduledFields = {
  date: 'unscheduled-date', start: 'unscheduled-start', end: 'unscheduled-end', place: 'unscheduled-place', ground: 'unscheduled-ground', note: 'unscheduled-note',
};

function openUnscheduled() {
  byId('unscheduled-form').reset();
  clearFields(Object.values(UnscheduledFields));
  setStatus('unscheduled-status', '');
  byId('unscheduled-date').value = vietnamDay();
  const usual = sessions?.find((s) => s.kind !== 'unscheduled' && s.place)?.place;
  if (usual) {
    byId('unscheduled-place').value = usual;
  }
  byId('unscheduled-dialog').showModal();
  byId('unscheduled-date').focus();
}

async function confirmUnscheduled(event) {
  event.preventDefault();
  setStatus('unscheduled-status', '');
  const input = (name) => byId(UnscheduledFields[name]);
  const start = input('start').value;
  const end = input('end').value;
  const ok = check([
    [input('date'), DayPattern.test(input('date').value) ? null : { code: input('date').value ? 'date.invalid' : 'required' }],
    [input('start'), checkRequired(start)],
    [input('end'), checkRequired(end) ?? (start && end <= start ? { code: 'endBeforeStart' } : null)],
    [input('place'), checkRequired(input('place').value) ?? checkLength(input('place').value, 200)],
    [input('ground'), checkRequired(input('ground').value)],
    [input('note'), checkLength(input('note').value, 1000)],
  ]);
  if (!ok) {
    return;
  }
  const body = {
    date: input('date').value,
    start: start.slice(0, 5),
    end: end.slice(0, 5),
    place: input('place').value.trim(),
    ground: input('ground').value,
  };
  if (input('note').value.trim()) {
    body.note = input('note').value.trim();
  }
  const confirm = byId('unscheduled-confirm');
  confirm.disabled = true;
  try {
    const { data } = await request('POST', `/api/reception/units/${encodeURIComponent(me.unitId)}/unscheduled`, { body });
    byId('unscheduled-dialog').close();
    showDone('staffReception.unscheduled.done', { when: data?.start ? when(data) : `${formatDate(body.date)} ${body.start}–${body.end}` });
    await loadSessions();
    if (data?.id && sessions && !sessions.some((s) => s.id === data.id)) {
      sessions.push(data); // recorded outside the range shown: still list it
      renderSessions();
    }
  } catch (error) {
    if (placeFieldErrors(error, UnscheduledFields, 'unscheduled-status', 'reception.book.fix')) {
      return;
    }
    const status = error instanceof ApiError ? error.status : 0;
    const key = { 403: 'common.forbidden', 404: 'reception.unknownUnit', 409: 'staffReception.unscheduled.conflict' }[status];
    setStatus('unscheduled-status', key ? t(key) : generalMessage(error));
  } finally {
    confirm.disabled = false;
  }
}

// ---- Start ----

function render() {
  renderUnit();
  renderDone();
  renderSessions();
  renderAgenda();
  renderCancelText();
}

async function start() {
  initLanguage();
  me = await requireStaff();
  if (!me) {
    return;
  }
  const today = vietnamDay();
  byId('range-from').value = today;
  byId('range-to').value = addDays(today, DefaultDays);
  onLangChange(render);
  byId('range').addEventListener('submit', (event) => {
    event.preventDefault();
    loadSessions();
  });
  byId('walkin').addEventListener('submit', submitWalkIn);
  byId('meeting').addEventListener('submit', submitMeeting);
  byId('cancel-form').addEventListener('submit', confirmCancel);
  byId('cancel-close').addEventListener('click', () => byId('cancel-dialog').close());
  byId('open-unscheduled').addEventListener('click', openUnscheduled);
  byId('unscheduled-form').addEventListener('submit', confirmUnscheduled);
  byId('unscheduled-close').addEventListener('click', () => byId('unscheduled-dialog').close());
  renderUnit();
  await loadSessions();
  const wanted = param('session');
  if (wanted) {
    await openAgenda(wanted, false);
  }
}

start();
