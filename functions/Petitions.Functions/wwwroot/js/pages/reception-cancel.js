// Cancelling a reception booking from the SMS link: ?code= is prefilled; the phone the booking was made with
// travels in the body (POST /api/reception/bookings/{code}/cancel), never in the URL.
import { initLanguage, onLangChange, t } from '../i18n.js';
import { request, ApiError, generalMessage } from '../api.js';
import { byId, el, clear, param } from '../dom.js';
import { checkPhone, checkRequired, normalisePhone } from '../validate.js';
import { showError, clearError } from '../forms.js';

const status = byId('form-status');
const result = byId('result');
let message = null;
let done = false;

function render() {
  status.hidden = !message;
  status.textContent = message ? (message.text ?? t(message.key)) : '';
  clear(result);
  result.hidden = !done;
  byId('cancel').hidden = done;
  if (done) {
    result.append(el('h2', { tabindex: '-1', text: t('receptionCancel.done') }), el('p', {}, el('a', { href: '/reception.html', text: t('receptionCancel.again') })));
  }
}

async function submit(event) {
  event.preventDefault();
  const code = byId('code');
  const phone = byId('phone');
  const problems = [[code, checkRequired(code.value)], [phone, checkPhone(phone.value)]];
  for (const [input, problem] of problems) {
    if (problem) {
      showError(input, problem.code, problem.params);
    } else {
      clearError(input);
    }
  }
  const first = problems.find(([, problem]) => problem);
  if (first) {
    first[0].focus();
    return;
  }
  try {
    await request('POST', `/api/reception/bookings/${encodeURIComponent(code.value.trim())}/cancel`, { body: { phone: normalisePhone(phone.value) } });
    done = true;
    message = null;
    render();
    result.querySelector('h2')?.focus();
  } catch (error) {
    message = error instanceof ApiError && error.status === 404 ? { key: 'receptionCancel.notFound' } : { text: generalMessage(error) };
    render();
  }
}

initLanguage();
onLangChange(render);
byId('code').value = param('code') ?? '';
byId('cancel').addEventListener('submit', submit);
render();
