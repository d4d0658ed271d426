// Follows a place in the waiting room: the live stream (Server-Sent Events) while it works, polling
// when it does not (a proxy that buffers streams, too many failed reconnects, no EventSource).

import * as api from './api.js';

const SETTLED = new Set(['ADMITTED', 'EXPIRED', 'DONE', 'SOLD_OUT']);
const POLL_EVERY_MS = 2000;

/** True once a status will not change any more by itself. */
export function settled(status) {
  return SETTLED.has(status.state);
}

/**
 * Calls onStatus with every new status until it is settled, onError with an ApiError the buyer
 * must act on (the place is unknown). Answers a function that stops watching.
 */
export function watch(queueId, { onStatus, onError, onMode = () => {} }) {
  let source = null;
  let timer = null;
  let stopped = false;
  let failures = 0;

  const stop = () => {
    stopped = true;
    if (source) {
      source.close();
      source = null;
    }
    clearTimeout(timer);
  };

  const deliver = (status) => {
    if (stopped) {
      return;
    }
    onStatus(status);
    if (settled(status)) {
      stop();
    }
  };

  const poll = async () => {
    if (stopped) {
      return;
    }
    let wait = POLL_EVERY_MS;
    try {
      deliver(await api.queueStatus(queueId));
    } catch (e) {
      if (e.status === 404) {
        stop();
        onError(e);
        return;
      }
      // too many reads (429) says how long to wait; anything else: a little longer each time
      wait = e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : Math.min(30000, POLL_EVERY_MS * 2 ** ++failures);
    }
    if (!stopped) {
      timer = setTimeout(poll, wait);
    }
  };

  const fallBackToPolling = () => {
    if (source) {
      source.close();
      source = null;
    }
    onMode('polling');
    poll();
  };

  if (typeof EventSource === 'undefined') {
    fallBackToPolling();
    return stop;
  }
  source = new EventSource(api.queueEventsUrl(queueId));
  onMode('live');
  source.addEventListener('status', (event) => {
    failures = 0;
    try {
      deliver(JSON.parse(event.data));
    } catch {
      // a garbled event: the next one or a poll puts it right
    }
  });
  source.addEventListener('error', () => {
    if (stopped) {
      return;
    }
    // the browser reconnects by itself (CONNECTING); a refusal (404, 429) closes the stream for good
    failures += 1;
    if (source.readyState === EventSource.CLOSED || failures >= 3) {
      failures = 0;
      fallBackToPolling();
    }
  });
  return stop;
}
