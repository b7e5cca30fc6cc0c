// Client-side checks of the filing form, the same rules as the API (docs/api.md); the server
// still decides. Each check returns null or { code, params } where code is an i18n "error.*" key.

/** Vietnamese mobile numbers: 0[35789]xxxxxxxx or +84[35789]xxxxxxxx (spaces, dots and dashes ignored). */
export const PhonePattern = /^(?:0|\+84)[35789]\d{8}$/;

export const MaxLengths = { title: 200, content: 10000, 'citizen.name': 100, 'citizen.address': 300 };

export function normalisePhone(value) {
  return value.replace(/[\s.\-()]/g, '');
}

export function checkPhone(value) {
  const phone = normalisePhone(value);
  if (phone === '') {
    return { code: 'required' };
  }
  return PhonePattern.test(phone) ? null : { code: 'phone.invalid' };
}

export function checkRequired(value) {
  return value.trim() === '' ? { code: 'required' } : null;
}

export function checkLength(value, max) {
  return value.length > max ? { code: 'tooLong', params: { max, length: value.length } } : null;
}

// Control characters other than tab, newline and carriage return (the API refuses them).
const ControlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function checkText(value) {
  return ControlCharacters.test(value) ? { code: 'text.controlCharacters' } : null;
}
