// Filing form (file.html?kind=complaint|denunciation|petition[&channel=zalo&ref=…]).
// Checks fields as the citizen leaves them and on submit; shows the server's field errors next to
// their field; sends an Idempotency-Key that stays the same while the same letter is retried.
import { initLanguage, onLangChange, t, lang } from '../i18n.js';
import { getJson, request, ApiError, generalMessage } from '../api.js';
import { byId, el, param } from '../dom.js';
import { checkPhone, checkRequired, checkLength, checkText, normalisePhone, MaxLengths } from '../validate.js';
import { showError, showServerError, clearError } from '../forms.js';

const Kinds = ['complaint', 'denunciation', 'petition'];
const kind = Kinds.includes(param('kind')) ? param('kind') : null;
const fromZalo = param('channel') === 'zalo';
const zaloRef = fromZalo ? (param('ref') ?? '').slice(0, 200) : '';
const AttemptKey = 'petitions.filing.attempt';

const form = byId('filing');
const status = byId('form-status');
let units = [];
let statusMessage = null; // { key, params } or { text }

// Server field paths -> input ids (the API names fields as in the request body).
const FieldInputs = {
  unitId: 'unitId', title: 'title', content: 'content',
  'citizen.name': 'name', 'citizen.phone': 'phone', 'citizen.address': 'address',
  'concerning.official': 'official', 'concerning.officialRole': 'officialRole',
  'concerning.decisionNumber': 'decisionNumber', 'concerning.decisionDate': 'decisionDate',
  phone: 'phone', name: 'name', address: 'address',
};

function checkField(input) {
  const value = input.value;
  switch (input.id) {
    case 'unitId':
      return value === '' ? { code: 'unitId.required' } : null;
    case 'title':
    case 'content':
    case 'name':
    case 'address':
      return checkRequired(value) ?? checkLength(value, MaxLengths[input.name]) ?? checkText(value);
    case 'phone':
      return checkPhone(value);
    case 'official':
    case 'decisionNumber':
      return checkText(value);
    default:
      return null;
  }
}

function validate(input) {
  const problem = checkField(input);
  if (problem) {
    showError(input, problem.code, problem.params);
  } else {
    clearError(input);
  }
  return !problem;
}

function visibleInputs() {
  return [...form.querySelectorAll('input, select, textarea')].filter((input) => !input.closest('[hidden]'));
}

function setStatus(message) {
  statusMessage = message;
  renderStatus();
}

function renderStatus() {
  if (!statusMessage) {
    status.hidden = true;
    status.textContent = '';
    return;
  }
  status.textContent = statusMessage.text ?? t(statusMessage.key, statusMessage.params);
  status.hidden = false;
}

function renderHeading() {
  byId('file-heading').textContent = kind
    ? t('file.title', { kind: t(`kind.${kind}`).toLocaleLowerCase(lang()) })
    : t('file.chooseKind');
  byId('official-label').textContent = t(kind === 'denunciation' ? 'file.officialDenounced' : 'file.official');
}

function renderUnits() {
  const select = byId('unitId');
  const chosen = select.value;
  for (const option of [...select.options].slice(1)) {
    option.remove();
  }
  for (const unit of units) {
    select.append(el('option', { value: unit.id, text: lang() === 'en' && unit.nameEn ? unit.nameEn : unit.name }));
  }
  select.value = chosen;
}

function body() {
  const value = (id) => byId(id).value.trim();
  const letter = {
    kind,
    unitId: value('unitId'),
    title: value('title'),
    content: byId('content').value,
    citizen: { name: value('name'), phone: normalisePhone(value('phone')), address: value('address') },
    channel: fromZalo ? 'zalo' : 'web',
  };
  if (fromZalo && zaloRef) {
    letter.zaloRef = zaloRef;
  }
  if (kind !== 'petition') {
    const concerning = { unitId: letter.unitId };
    if (value('official')) concerning.official = value('official');
    if (value('officialRole')) concerning.officialRole = value('officialRole');
    if (kind === 'complaint') {
      if (value('decisionNumber')) concerning.decisionNumber = value('decisionNumber');
      if (value('decisionDate')) concerning.decisionDate = value('decisionDate');
    }
    letter.concerning = concerning;
  }
  return letter;
}

function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  // Older in-app browsers: a version-4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same letter sent again (after a network failure, a reload, a double tap) keeps its key. */
function idempotencyKey(payload) {
  const text = JSON.stringify(payload);
  try {
    const previous = JSON.parse(sessionStorage.getItem(AttemptKey) ?? 'null');
    if (previous && previous.payload === text) {
      return previous.key;
    }
    const key = newKey();
    sessionStorage.setItem(AttemptKey, JSON.stringify({ payload: text, key }));
    return key;
  } catch {
    form.dataset.key = form.dataset.payload === text && form.dataset.key ? form.dataset.key : newKey();
    form.dataset.payload = text;
    return form.dataset.key;
  }
}

function forgetAttempt() {
  try {
    sessionStorage.removeItem(AttemptKey);
  } catch {
    // nothing stored
  }
}

function showServerErrors(error) {
  let firstInput = null;
  const unplaced = [];
  for (const fieldError of error.errors) {
    const input = byId(FieldInputs[fieldError.field] ?? '');
    if (input && !input.closest('[hidden]')) {
      showServerError(input, fieldError);
      input.dataset.serverValue = input.value; // kept until the citizen changes this field
      firstInput ??= input;
    } else {
      unplaced.push(lang() === 'vi' ? fieldError.messageVi || fieldError.message : fieldError.message || fieldError.messageVi);
    }
  }
  if (unplaced.length > 0) {
    setStatus({ text: unplaced.join(' ') });
  } else {
    setStatus({ key: 'file.fixErrors', params: { count: error.errors.length } });
  }
  firstInput?.focus();
}

async function submit(event) {
  event.preventDefault();
  const inputs = visibleInputs();
  const invalid = inputs.filter((input) => !validate(input));
  if (invalid.length > 0) {
    setStatus({ key: 'file.fixErrors', params: { count: invalid.length } });
    invalid[0].focus();
    return;
  }
  setStatus(null);
  const button = byId('submit');
  button.disabled = true;
  button.textContent = t('file.submitting');
  const payload = body();
  try {
    const { data } = await request('POST', '/api/cases', {
      body: payload,
      headers: { 'Idempotency-Key': idempotencyKey(payload) },
    });
    forgetAttempt();
    const target = new URLSearchParams({ code: data.trackingCode });
    if (data.acknowledgeBy) {
      target.set('ack', data.acknowledgeBy);
    }
    location.assign(`/confirmation.html?${target}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
      showServerErrors(error);
    } else if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) {
      setStatus({ text: `${generalMessage(error)} ${t('file.retry')}` });
    } else {
      setStatus({ text: generalMessage(error) });
    }
  } finally {
    button.disabled = false;
    button.textContent = t('file.submit');
  }
}

function start() {
  initLanguage();
  renderHeading();
  onLangChange(() => {
    renderHeading();
    renderUnits();
    renderStatus();
  });
  if (!kind) {
    byId('kind-choice').hidden = false;
    return;
  }
  byId('zalo-note').hidden = !fromZalo;
  byId('protected-note').hidden = kind !== 'denunciation';
  byId('complaint-note').hidden = kind !== 'complaint';
  byId('concerning').hidden = kind === 'petition';
  for (const node of form.querySelectorAll('.complaint-only')) {
    node.hidden = kind !== 'complaint';
  }
  form.hidden = false;
  form.addEventListener('submit', submit);
  // Inline validation: when a field is left, and again while a shown error is being corrected.
  form.addEventListener('focusout', (event) => {
    const input = event.target;
    if (input.matches('input, select, textarea') && input.value !== '' && input.dataset.serverValue !== input.value) {
      validate(input);
    }
  });
  form.addEventListener('input', (event) => {
    delete event.target.dataset.serverValue;
    if (event.target.getAttribute('aria-invalid') === 'true') {
      validate(event.target);
    }
  });
  getJson('/api/units')
    .then((data) => {
      units = Array.isArray(data) ? data : [];
      renderUnits();
    })
    .catch((error) => setStatus({ text: generalMessage(error) }));
}

start();
