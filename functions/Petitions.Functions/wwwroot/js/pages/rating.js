// Rating (POST /api/cases/{code}/rating { phone, score, comment }): once per case, verified by the tracking code and
// the phone the letter was filed with (a wrong phone gets the same answer as an unknown code). The phone travels in
// the body, never in a URL; only ?code= may be prefilled (the SMS's short link /d/{code}).
import { initLanguage, onLangChange, t } from '../i18n.js';
import { request, ApiError, generalMessage } from '../api.js';
import { byId, param } from '../dom.js';
import { checkPhone, checkRequired, normalisePhone } from '../validate.js';
import { showError, clearError } from '../forms.js';

const status = byId('form-status');
let message = null;

function renderStatus() {
  status.hidden = !message;
  status.textContent = message ? (message.text ?? t(message.key)) : '';
}

function scoreInput() {
  return document.querySelector('input[name=score]:checked');
}

async function submit(event) {
  event.preventDefault();
  const code = byId('code');
  const phone = byId('phone');
  const codeProblem = checkRequired(code.value);
  const phoneProblem = checkPhone(phone.value);
  for (const [input, problem] of [[code, codeProblem], [phone, phoneProblem]]) {
    if (problem) showError(input, problem.code, problem.params);
    else clearError(input);
  }
  const scoreError = byId('err-score');
  const score = scoreInput();
  scoreError.hidden = Boolean(score);
  scoreError.textContent = score ? '' : t('rating.scoreRequired');
  if (codeProblem || phoneProblem || !score) {
    (codeProblem ? code : phoneProblem ? phone : document.querySelector('input[name=score]')).focus();
    return;
  }
  message = null;
  renderStatus();
  const trackingCode = code.value.trim().toUpperCase();
  const body = { phone: normalisePhone(phone.value), score: Number(score.value), comment: byId('comment').value.trim() || null };
  try {
    await request('POST', `/api/cases/${encodeURIComponent(trackingCode)}/rating`, { body });
    byId('rating').hidden = true;
    byId('lookup-link').href = `/lookup.html?code=${encodeURIComponent(trackingCode)}`;
    byId('thanks').hidden = false;
    byId('thanks').querySelector('h2').focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) message = { key: 'lookup.notFound' };
    else if (error instanceof ApiError && error.status === 409) message = { key: 'rating.already' };
    else if (error instanceof ApiError && error.status === 422) message = { key: 'rating.notAnswered' };
    else message = { text: generalMessage(error) };
    renderStatus();
  }
}

initLanguage();
onLangChange(renderStatus);
const prefilled = param('code');
if (prefilled) byId('code').value = prefilled;
byId('rating').addEventListener('submit', submit);
