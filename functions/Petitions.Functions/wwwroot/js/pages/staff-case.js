// Case detail (staff/case.html?code=…): the letter, the deadlines with their explanation, the
// timeline, and actions confirmed in a <dialog>. Each action is POSTed with If-Match (the ETag);
// a 409 (someone else changed the case) shows a clear message and a reload button.
import { initLanguage, onLangChange, t, has, lang, formatDate, formatDateTime } from '../i18n.js';
import { request, getJson, ApiError, generalMessage, fieldErrorText } from '../api.js';
import { byId, el, clear, param } from '../dom.js';
import { requireStaff, showPageError, roleName } from '../staff.js';
import { stepName, kindName, statusName } from '../steps.js';
import { timelineText, actorText, explanationLines, legalSource } from '../timeline.js';

const code = param('code') ?? '';
const caseUrl = `/api/staff/cases/${encodeURIComponent(code)}`;

// The fields each action asks for (docs/api.md).
const Actions = {
  classify: [
    { name: 'decision', type: 'select', required: true, options: ['accept', 'forward', 'guide', 'refuse', 'duplicate'] },
    { name: 'reason', type: 'textarea' },
    { name: 'targetUnitId', type: 'text' },
    { name: 'duplicateOf', type: 'text' },
  ],
  reassign: [{ name: 'officerId', type: 'text', required: true }],
  'mark-complex': [{ name: 'reason', type: 'textarea', required: true }],
  extend: [{ name: 'reason', type: 'textarea', required: true }],
  suspend: [{ name: 'reason', type: 'textarea', required: true }],
  resume: [],
  resolve: [
    { name: 'decisionNumber', type: 'text', required: true },
    { name: 'decisionDate', type: 'date', required: true },
    { name: 'summary', type: 'textarea', required: true },
  ],
  'decision-sent': [{ name: 'decisionDate', type: 'date' }],
  'second-complaint': [{ name: 'decisionDate', type: 'date' }, { name: 'reason', type: 'textarea', required: true }],
  lawsuit: [{ name: 'decisionDate', type: 'date' }, { name: 'reason', type: 'textarea', required: true }],
  'end-handling': [
    { name: 'decisionNumber', type: 'text', required: true },
    { name: 'decisionDate', type: 'date' },
    { name: 'reason', type: 'textarea', required: true },
  ],
  'reception-answered': [{ name: 'decisionDate', type: 'date' }, { name: 'summary', type: 'textarea', required: true }],
  'filing-obstacle': [
    { name: 'from', type: 'date', required: true },
    { name: 'until', type: 'date', required: true },
    { name: 'cause', type: 'textarea', required: true },
  ],
  close: [],
  withdraw: [{ name: 'partial', type: 'checkbox' }, { name: 'reason', type: 'textarea' }],
  instruct: [{ name: 'text', type: 'textarea', required: true }],
};

/**
 * The actions the case offers, as the server sent them ({ action, allowed, why }): it applies the same rules it
 * enforces (docs/api.md). An older answer without them offers every action of the page, as before.
 */
function availableActions() {
  if (Array.isArray(detail.actions)) {
    return detail.actions.filter((a) => a.action in Actions);
  }
  return Object.keys(Actions).filter((a) => a !== 'instruct').map((action) => ({ action, allowed: true }));
}

function whyNot(availability) {
  const key = `case.why.${availability.why}`;
  return has(key) ? t(key, { status: statusName(detail.status) }) : t('case.why.state', { status: statusName(detail.status) });
}

function actionsSection() {
  const list = availableActions();
  const allowed = list.filter((a) => a.allowed);
  const refused = list.filter((a) => !a.allowed);
  const readOnly = detail.access === 'watch';
  return el('section', { 'aria-labelledby': 'actions-heading' },
    el('h3', { id: 'actions-heading', text: t('case.actions') }),
    readOnly ? el('p', { class: 'callout', id: 'watch-note', text: t('case.watchNote') }) : null,
    allowed.length === 0 ? el('p', { class: 'empty', text: t('case.noActions') }) : null,
    el('div', { class: 'actions' }, allowed.map(({ action }) => {
      const button = el('button', { type: 'button', class: action === 'instruct' ? 'button primary' : 'button', 'data-action': action, text: t(`action.${action}`) });
      button.addEventListener('click', () => openDialog(action));
      return button;
    })),
    refused.length && !readOnly
      ? el('details', { class: 'unavailable' },
        el('summary', { text: t('case.unavailable', { count: refused.length }) }),
        el('ul', {}, refused.map((a) => el('li', { 'data-action': a.action },
          el('strong', { text: `${t(`action.${a.action}`)}: ` }), whyNot(a)))))
      : null);
}

let detail = null;
let etag = null;
let pendingAction = null;
let officers = []; // [{ id, name, role }] of the unit, for a head or deputy (GET /api/staff/desk)

function display(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'object') {
    return value.name ?? value.id ?? '—';
  }
  return String(value);
}

function clockUnit(unit) {
  return /work/i.test(unit ?? '') ? t('unit.workingDays') : t('unit.days');
}

function fact(labelKey, value) {
  return [el('dt', { text: t(labelKey) }), el('dd', { text: display(value) })];
}

function render() {
  const root = clear(byId('case'));
  if (!detail) {
    return;
  }
  document.title = `${t('case.title', { code: detail.trackingCode })} · ${t('app.name')}`;
  const citizen = detail.citizen ?? {};
  root.append(
    el('h1', { text: t('case.title', { code: detail.trackingCode }) }),
    el('p', { class: 'case-meta' }, el('span', { class: 'tag', text: kindName(detail.kind) }), ' ', el('span', { class: 'tag status', 'data-status': detail.status, text: statusName(detail.status) })),
    el('h2', { class: 'case-title', id: 'case-title', text: detail.title }),
    el('section', { 'aria-labelledby': 'content-heading' },
      el('h3', { id: 'content-heading', text: t('case.content') }),
      el('div', { class: 'letter-content', id: 'letter-content', text: detail.content })),
    el('section', { 'aria-labelledby': 'citizen-heading' },
      el('h3', { id: 'citizen-heading', text: t('case.citizen') }),
      citizen.masked ? el('p', { class: 'callout', id: 'masked-note', text: t(detail.kind === 'denunciation' ? 'case.masked' : 'case.maskedOther') }) : null,
      el('dl', { class: 'facts' }, fact('case.name', citizen.name), fact('case.phone', citizen.phone), fact('case.address', citizen.address))),
    el('dl', { class: 'facts' },
      fact('case.unit', detail.unit), fact('case.head', detail.responsibleHead), fact('case.officer', detail.officer),
      fact('case.complex', t(detail.complex ? 'common.yes' : 'common.no')), fact('case.remote', t(detail.remoteArea ? 'common.yes' : 'common.no'))),
    detail.closingProposedOn
      ? el('p', { class: 'callout', id: 'closing-proposed', text: t('case.closingProposed', { date: formatDate(detail.closingProposedOn) }) })
      : null,
    el('section', { 'aria-labelledby': 'clocks-heading' },
      el('h3', { id: 'clocks-heading', text: t('case.clocks') }),
      el('ul', { class: 'clocks' }, (detail.clocks ?? []).map((clock) => el('li', { class: 'clock' },
        el('p', {}, el('strong', { text: `${stepName(clock.step)}: ` }), el('time', { datetime: clock.due, text: formatDate(clock.due) }),
          clock.status && has(`clock.status.${clock.status}`) ? ` (${t(`clock.status.${clock.status}`)})` : ''),
        el('p', { class: 'small', text: `${t('case.clock.limit', { limit: clock.limit, unit: clockUnit(clock.unit) })} · ${t('case.clock.source', { source: legalSource(clock.source) })}` }),
        clock.explanation
          ? el('details', {}, el('summary', { text: t('case.clock.explain') }), el('ol', {}, explanationLines(clock.explanation).map((line) => el('li', { text: line }))))
          : null)))),
    el('section', { 'aria-labelledby': 'timeline-heading' },
      el('h3', { id: 'timeline-heading', text: t('case.timeline') }),
      el('ol', { class: 'timeline' }, (detail.timeline ?? []).map((entry) => el('li', { 'data-type': entry.type },
        el('time', { datetime: entry.at, text: formatDateTime(entry.at) }), ' ',
        entry.actor ? el('strong', { text: `${actorText(entry)}: ` }) : null,
        timelineText(entry))))),
    actionsSection());
}

async function load() {
  try {
    const { data, headers } = await request('GET', caseUrl);
    detail = data;
    etag = headers.get('ETag') ?? data.etag;
    byId('conflict').hidden = true;
    showPageError('');
    render();
  } catch (error) {
    detail = null;
    render();
    showPageError(error instanceof ApiError && error.status === 404 ? t('case.notFound') : generalMessage(error));
  }
}

function fieldInput(field) {
  const id = `action-${field.name}`;
  let input;
  if (field.name === 'officerId' && officers.length > 0) {
    // The unit's officers and deputies, from the head's desk; the current officer is not offered.
    input = el('select', { id, name: field.name, required: field.required },
      officers.filter((o) => o.id !== detail.officer?.id).map((o) => el('option', { value: o.id, text: `${o.name} (${roleName(o.role)})` })));
  } else if (field.type === 'select') {
    input = el('select', { id, name: field.name, required: field.required },
      field.options.map((option) => el('option', { value: option, text: t(`${field.name}.${option}`) })));
  } else if (field.type === 'textarea') {
    input = el('textarea', { id, name: field.name, rows: 3, required: field.required });
  } else {
    input = el('input', { id, name: field.name, type: field.type, required: field.required });
  }
  const label = el('label', { for: id }, t(`field.${field.name}`), field.required ? ` ${t('common.required')}` : '');
  return field.type === 'checkbox'
    ? el('div', { class: 'field checkbox' }, input, label)
    : el('div', { class: 'field' }, label, input);
}

function setDialogStatus(text) {
  const status = byId('dialog-status');
  status.textContent = text;
  status.hidden = !text;
}

function openDialog(action) {
  pendingAction = action;
  byId('dialog-heading').textContent = t(`action.${action}`);
  byId('dialog-text').textContent = t('case.confirmText', { action: t(`action.${action}`), code: detail.trackingCode });
  clear(byId('dialog-fields')).append(...Actions[action].map(fieldInput));
  setDialogStatus('');
  byId('action-dialog').showModal();
}

function actionBody(action) {
  const body = {};
  for (const field of Actions[action]) {
    const input = byId(`action-${field.name}`);
    if (field.type === 'checkbox') {
      body[field.name] = input.checked;
    } else if (input.value.trim() !== '') {
      body[field.name] = input.value.trim();
    }
  }
  return body;
}

async function confirmAction(event) {
  event.preventDefault();
  const action = pendingAction;
  const missing = Actions[action].filter((field) => field.required && byId(`action-${field.name}`).value.trim() === '');
  if (missing.length > 0) {
    setDialogStatus(`${t(`field.${missing[0].name}`)}: ${t('error.required')}`);
    byId(`action-${missing[0].name}`).focus();
    return;
  }
  const confirm = byId('dialog-confirm');
  confirm.disabled = true;
  try {
    const { data, headers } = await request('POST', `${caseUrl}/${action}`, {
      body: actionBody(action),
      headers: etag ? { 'If-Match': etag } : {},
    });
    detail = data;
    etag = headers.get('ETag') ?? data.etag;
    byId('action-dialog').close();
    render();
    showPageError(t('case.done', { action: t(`action.${action}`) }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      byId('action-dialog').close();
      byId('conflict').hidden = false;
      byId('reload').focus();
    } else if (error instanceof ApiError && error.status === 422) {
      setDialogStatus(t('case.notAllowed'));
    } else if (error instanceof ApiError && error.errors.length > 0) {
      setDialogStatus(error.errors.map((e) => fieldErrorText(e, lang())).join(' '));
    } else {
      setDialogStatus(generalMessage(error));
    }
  } finally {
    confirm.disabled = false;
  }
}

async function start() {
  initLanguage();
  const me = await requireStaff();
  if (!me) {
    return;
  }
  onLangChange(render);
  byId('reload').addEventListener('click', load);
  byId('dialog-cancel').addEventListener('click', () => byId('action-dialog').close());
  byId('action-form').addEventListener('submit', confirmAction);
  if (me.role === 'head' || me.role === 'deputy') {
    // Whom a case can be given to; loaded before the case so the reassign dialog always offers the list.
    officers = await getJson('/api/staff/desk?pageSize=1').then((desk) => desk.officers ?? [], () => []);
  }
  await load();
}

start();
