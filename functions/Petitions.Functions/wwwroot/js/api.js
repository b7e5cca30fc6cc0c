// Calls to the app's HTTP API (docs/api.md). Errors are RFC 7807 problem+json; they become ApiError.
import { t, has } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem, headers) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.code = problem?.code ?? this.errors[0]?.code ?? null;
    this.retryAfter = headers?.get('Retry-After') ?? null;
    // On 401 the app says how staff sign in here: "development" or "platform".
    this.authMode = headers?.get('x-petitions-auth-mode') ?? null;
  }
}

/** The double-submit CSRF token: the value of the petitions_csrf cookie. */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'petitions_csrf') {
      return decodeURIComponent(rest.join('='));
    }
  }
  return '';
}

/**
 * fetch with JSON in and out. Every POST carries X-CSRF-Token (harmless on anonymous routes).
 * Returns { status, data, headers }; throws ApiError on a non-2xx answer or a network failure (status 0).
 */
export async function request(method, url, { body, headers = {} } = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', ...headers },
  };
  if (method !== 'GET') {
    init.headers['X-CSRF-Token'] = csrfToken();
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, { title: 'network' });
  }
  const type = response.headers.get('Content-Type') ?? '';
  let data = null;
  if (type.includes('json')) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data, response.headers);
  }
  return { status: response.status, data, headers: response.headers };
}

export const getJson = async (url, options) => (await request('GET', url, options)).data;

/** A message for errors that are not about one field (network, rate limit, server, permission). */
export function generalMessage(error) {
  if (!(error instanceof ApiError)) {
    return t('common.serverError');
  }
  if (error.status === 0) {
    return t('common.network');
  }
  if (error.status === 429) {
    return t('common.tooMany', { seconds: error.retryAfter ?? 60 });
  }
  if (error.status === 403) {
    return t('common.forbidden');
  }
  if (error.status >= 500) {
    return t('common.serverError');
  }
  // The problem's stable code in the reader's language; the server's detail (English) only for a code we do not know.
  if (error.code && has(`error.${error.code}`)) {
    return t(`error.${error.code}`);
  }
  return error.message;
}

/** The text of one server field error in the page's language. */
export function fieldErrorText(error, language) {
  if (language === 'vi' && error.messageVi) {
    return error.messageVi;
  }
  if (language === 'en' && error.message) {
    return error.message;
  }
  return error.messageVi || error.message || error.code;
}
