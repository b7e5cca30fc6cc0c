// Field errors shown next to their field: <p class="field-error" id="err-ID"> linked from the input
// by aria-describedby, announced by aria-live, and re-translated when the language changes.
import { t, lang, onLangChange } from './i18n.js';
import { fieldErrorText } from './api.js';

const Shown = new Map(); // input id -> { key, params } | { server }

function errorNode(input) {
  return document.getElementById(`err-${input.id}`);
}

function render(input) {
  const node = errorNode(input);
  const error = Shown.get(input.id);
  if (!node) {
    return;
  }
  if (!error) {
    node.textContent = '';
    node.hidden = true;
    input.removeAttribute('aria-invalid');
    return;
  }
  node.textContent = error.server
    ? fieldErrorText(error.server, lang())
    : t(`error.${error.key}`, error.params);
  node.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

export function showError(input, key, params) {
  Shown.set(input.id, { key, params });
  render(input);
}

export function showServerError(input, serverError) {
  Shown.set(input.id, { server: serverError });
  render(input);
}

export function clearError(input) {
  Shown.delete(input.id);
  render(input);
}

export function hasErrors() {
  return Shown.size > 0;
}

onLangChange(() => {
  for (const id of Shown.keys()) {
    const input = document.getElementById(id);
    if (input) {
      render(input);
    }
  }
});
