// The public HTTP API (docs/online-api.md): every call, and its errors as ApiError.

/** A refusal or failure: the problem the server answered (RFC 7807), or a made-up one when none came. */
export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || 'Something went wrong';
    this.detail = problem.detail || '';
    // the last part of the problem's type URI: "payment-declined", "seat-unavailable", ...
    this.type = problem.type ? String(problem.type).split('/').pop() : '';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field errors of an invalid request: [{field, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** No answer at all: the network, not the server. */
export const OFFLINE = 0;

let clockOffset = 0;

/**
 * The time now by the server's clock, as far as the Date header tells (to the second): countdowns
 * to the server's deadlines stay right on a device whose clock is wrong by minutes.
 */
export function now() {
  return Date.now() + clockOffset;
}

function noteServerTime(response) {
  const date = Date.parse(response.headers.get('Date') || '');
  if (!Number.isNaN(date)) {
    const offset = date - Date.now();
    // the header has whole seconds: only a clearly wrong clock is corrected
    clockOffset = Math.abs(offset) > 2000 ? offset : 0;
  }
}

/** A fresh random key (hex), for Idempotency-Key headers; works on pages served without TLS too. */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function call(method, path, { body, headers = {}, signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(OFFLINE, {
      title: 'No connection',
      detail: 'The box office could not be reached. Check your internet connection, then try again.',
    });
  }
  noteServerTime(response);
  const text = response.status === 204 ? '' : await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    throw new ApiError(response.status, json && typeof json === 'object' ? json : {
      title: response.statusText || `Error ${response.status}`,
      detail: response.status >= 500
        ? 'The box office could not answer just now. Wait a moment, then try again.'
        : 'The box office refused this request. Reload the page and try again.',
    }, Number.isNaN(retryAfter) ? null : retryAfter);
  }
  return { status: response.status, body: json };
}

const path = encodeURIComponent;

export async function performances() {
  return (await call('GET', '/api/performances')).body;
}

export async function seatMap(performanceId) {
  return (await call('GET', `/api/performances/${path(performanceId)}/seatmap`)).body;
}

export async function availability(performanceId) {
  return (await call('GET', `/api/performances/${path(performanceId)}/availability`)).body;
}

/** The URL of the performance's seat-change stream after a feed id. */
export function changesUrl(performanceId, feedId) {
  return `/api/performances/${path(performanceId)}/changes?after=${path(feedId)}`;
}

export async function join(performanceId, email, key) {
  return (await call('POST', `/api/performances/${path(performanceId)}/queue`, {
    body: { email }, headers: { 'Idempotency-Key': key },
  })).body;
}

export async function queueStatus(queueId) {
  return (await call('GET', `/api/queue/${path(queueId)}`)).body;
}

export function queueEventsUrl(queueId) {
  return `/api/queue/${path(queueId)}/events`;
}

/** Holds seats: body {seatIds:[...]} or {bestAvailable:{count, priceTier}}. */
export async function hold(performanceId, admissionToken, key, body) {
  return (await call('POST', `/api/performances/${path(performanceId)}/holds`, {
    body, headers: { Authorization: `Bearer ${admissionToken}`, 'Idempotency-Key': key },
  })).body;
}

/** Pays for a hold: {status: 200 or 202, body}. */
export async function purchase(holdId, admissionToken, key, holdToken, payment) {
  return call('POST', `/api/holds/${path(holdId)}/purchase`, {
    body: { holdToken, payment }, headers: { Authorization: `Bearer ${admissionToken}`, 'Idempotency-Key': key },
  });
}

export async function release(holdId, holdToken, admissionToken) {
  const headers = { 'Hold-Token': holdToken };
  if (admissionToken) {
    headers.Authorization = `Bearer ${admissionToken}`;
  }
  await call('DELETE', `/api/holds/${path(holdId)}`, { headers });
}

export async function order(orderId, holdToken) {
  return (await call('GET', `/api/orders/${path(orderId)}`, { headers: { 'Hold-Token': holdToken } })).body;
}
