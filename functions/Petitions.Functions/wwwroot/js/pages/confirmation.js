// Confirmation: the tracking code, its QR code (GET /api/qr, hidden when it fails) and the
// acknowledge-by date. Both come in the URL: the tracking code is the one datum allowed there.
import { initLanguage, onLangChange, t, formatDate } from '../i18n.js';
import { byId, param } from '../dom.js';

const code = param('code');
const ackBy = param('ack');

function render() {
  if (!code) {
    byId('missing').hidden = false;
    return;
  }
  byId('receipt').hidden = false;
  byId('tracking-code').textContent = code;
  const ack = byId('ack-by');
  if (ackBy) {
    ack.textContent = t('confirm.ackBy', { date: formatDate(ackBy) });
    ack.hidden = false;
  }
  byId('qr').alt = t('confirm.qr', { code });
}

initLanguage();
render();
onLangChange(render);
if (code) {
  const lookupPath = `/lookup.html?code=${encodeURIComponent(code)}`;
  byId('lookup-link').href = lookupPath;
  const qr = byId('qr');
  qr.addEventListener('load', () => { qr.hidden = false; });
  qr.addEventListener('error', () => { qr.hidden = true; qr.removeAttribute('src'); });
  qr.src = `/api/qr?text=${encodeURIComponent(new URL(lookupPath, location.origin).href)}`;
}
