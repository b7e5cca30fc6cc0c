// Language: Vietnamese by default, English on request; the choice is remembered in localStorage.
// Static text carries data-i18n="key" (textContent) or data-i18n-attr="attr:key;attr:key".
import vi from './i18n/vi.js';
import en from './i18n/en.js';

const Dictionaries = { vi, en };
const StorageKey = 'petitions.lang';
const ChangeEvent = 'petitions:lang';

function stored() {
  try {
    return localStorage.getItem(StorageKey);
  } catch {
    return null; // storage disabled (private mode in some in-app browsers)
  }
}

export function lang() {
  const value = stored();
  return value === 'en' ? 'en' : 'vi';
}

export function t(key, params) {
  const text = Dictionaries[lang()][key] ?? vi[key] ?? key;
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** True when a key exists (used to fall back to raw values such as unknown step names). */
export function has(key) {
  return key in vi;
}

export function applyI18n(root = document) {
  document.documentElement.lang = lang();
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  const switcher = document.getElementById('lang-switch');
  if (switcher) {
    switcher.lang = lang() === 'vi' ? 'en' : 'vi'; // the button names the other language in that language
  }
  const title = document.documentElement.dataset.i18nTitle;
  if (title) {
    document.title = `${t(title)} · ${t('app.name')}`;
  }
}

export function setLang(value) {
  try {
    localStorage.setItem(StorageKey, value === 'en' ? 'en' : 'vi');
  } catch {
    // Not remembered, still applied below for this page.
  }
  applyI18n();
  document.dispatchEvent(new CustomEvent(ChangeEvent));
}

export function onLangChange(handler) {
  document.addEventListener(ChangeEvent, handler);
}

/** A legal date (YYYY-MM-DD, no time zone) as the reader expects it: 01/12/2026 or 1 Dec 2026. */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) {
    return iso ?? '';
  }
  const [, y, m, d] = match;
  if (lang() === 'vi') {
    return `${d}/${m}/${y}`;
  }
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant shown in Vietnam's time (UTC+7). */
export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso ?? '';
  }
  return new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}

/** The clock time of an instant in Vietnam's time zone: 07:30. */
export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso ?? '';
  }
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}

/** The calendar day (YYYY-MM-DD) of an instant in Vietnam's time zone; today by default. */
export function vietnamDay(instant = new Date()) {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Ho_Chi_Minh',
  }).formatToParts(date);
  const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Wires the header's language button (#lang-switch) and applies the language to the page. */
export function initLanguage() {
  applyI18n();
  const button = document.getElementById('lang-switch');
  if (button) {
    button.addEventListener('click', () => setLang(lang() === 'vi' ? 'en' : 'vi'));
  }
}
