// Lookup: tracking code + phone -> status, responsible unit, due dates, public timeline.
// POST /api/cases/lookup {trackingCode, phone}: the phone travels in the body, never in a URL
// (no personal data in URLs other than the tracking code); only ?code= may be prefilled.
import { initLanguage, onLangChange, t, lang, formatDate, formatDateTime } from '../i18n.js';
import { request, ApiError, generalMessage } from '../api.js';
import { byId, el, clear, param } from '../dom.js';
import { checkPhone, checkRequired, normalisePhone } from '../validate.js';
import { showError, clearError } from '../forms.js';
import { stepName, kindName } from '../steps.js';

const status = byId('form-status');
const result = byId('result');
let found = null;
let message = null;

function renderStatus() {
  status.hidden = !message;
  status.textContent = message ? (message.text ?? t(message.key)) : '';
}

function renderResult() {
  clear(result);
  result.hidden = !found;
  if (!found) {
    return;
  }
  const text = (vi, en) => (lang() === 'en' && en ? en : vi);
  result.append(
    el('h2', { text: `${found.trackingCode} · ${kindName(found.kind)}` }),
    el('p', { class: 'case-title', text: found.title }),
    el('dl', { class: 'facts' },
      el('dt', { text: t('lookup.status') }), el('dd', { class: 'status', text: text(found.statusText ?? found.status, found.statusTextEn) }),
      el('dt', { text: t('lookup.unit') }), el('dd', { text: found.unit?.name ?? '' })),
    el('h3', { text: t('lookup.dueDates') }),
    found.dueDates?.length
      ? el('ul', {}, found.dueDates.map((d) => el('li', {}, `${stepName(d.step)}: `, el('strong', { text: formatDate(d.due) }))))
      : el('p', { text: t('common.none') }),
    el('h3', { text: t('lookup.timeline') }),
    el('ol', { class: 'timeline' }, (found.timeline ?? []).map((entry) =>
      el('li', {}, el('time', { datetime: entry.at, text: formatDateTime(entry.at) }), ' ', text(entry.text, entry.textEn)))),
  );
}

async function submit(event) {
  event.preventDefault();
  const code = byId('code');
  const phone = byId('phone');
  const codeProblem = checkRequired(code.value);
  const phoneProblem = checkPhone(phone.value);
  for (const [input, problem] of [[code, codeProblem], [phone, phoneProblem]]) {
    if (problem) {
      showError(input, problem.code, problem.params);
    } else {
      clearError(input);
    }
  }
  if (codeProblem || phoneProblem) {
    (codeProblem ? code : phone).focus();
    return;
  }
  message = null;
  renderStatus();
  const body = { trackingCode: code.value.trim().toUpperCase(), phone: normalisePhone(phone.value) };
  try {
    found = (await request('POST', '/api/cases/lookup', { body })).data;
    renderResult();
    result.querySelector('h2')?.setAttribute('tabindex', '-1');
    result.querySelector('h2')?.focus();
  } catch (error) {
    found = null;
    renderResult();
    message = error instanceof ApiError && error.status === 404 ? { key: 'lookup.notFound' } : { text: generalMessage(error) };
    renderStatus();
  }
}

initLanguage();
onLangChange(() => {
  renderResult();
  renderStatus();
});
const prefilled = param('code');
if (prefilled) {
  byId('code').value = prefilled;
}
byId('lookup').addEventListener('submit', submit);
