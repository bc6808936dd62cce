// The console's only way to the server: same-origin fetch with the session cookie, the
// CSRF token on every state-changing request, and problem details turned into ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.error || problem.title || `Request failed with status ${status}`);
    this.status = status;
    this.code = problem.code;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }
}

const listeners = new Set();

/** Called with no argument whenever the server says the session is gone (401). */
export function onSignedOut(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('quantra_csrf='));
  return cookie ? decodeURIComponent(cookie.substring('quantra_csrf='.length)) : '';
}

/** Whether the browser holds a console session's cookies (which may have expired). */
export function hasSession() {
  return csrfToken() !== '';
}

/**
 * Calls the REST API. `body` is sent as JSON unless it is FormData; `headers` adds to the
 * defaults. Answers the parsed JSON body (or null), or `{ body, etag }` when `withEtag`.
 */
export async function api(method, path, { body, headers = {}, withEtag = false, quiet401 = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') {
    init.headers['X-CSRF-Token'] = csrfToken();
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = { detail: text.substring(0, 300) };
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !quiet401) {
      listeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, data || {});
  }
  return withEtag ? { body: data, etag: response.headers.get('ETag') } : data;
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options) => api('POST', path, { ...options, body });
export const put = (path, body, options) => api('PUT', path, { ...options, body });
export const patch = (path, body, options) => api('PATCH', path, { ...options, body });
export const del = (path, options) => api('DELETE', path, options);

/**
 * Follows a run's Server-Sent Events. EventSource resumes with Last-Event-ID by itself
 * after a dropped connection; `onEvent` gets each parsed event once, in order.
 */
export function followEvents(executionId, onEvent, onState = () => {}) {
  const source = new EventSource(`/stream/execution/${encodeURIComponent(executionId)}`, { withCredentials: true });
  let lastSeq = 0;
  const handle = (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    if (typeof event.seq === 'number') {
      if (event.seq <= lastSeq) {
        return;
      }
      lastSeq = event.seq;
    }
    onEvent(event);
  };
  source.onmessage = handle;
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, handle);
  }
  source.onopen = () => onState('open');
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  return () => source.close();
}

/** The event types of a run's stream, as the server names them. */
export const EVENT_TYPES = ['run_started', 'node_started', 'node_progress', 'authorization_requested',
  'authorization_completed', 'node_completed', 'node_failed', 'gate_requested', 'gate_decision', 'run_paused',
  'run_resumed', 'run_completed', 'run_failed', 'run_cancelled'];

/** Run states after which nothing more happens. */
export const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
