// What the buyer is doing, per performance, kept in the browser so a reload carries on where it was:
// the join key (the same place in the queue), the queue entry, the admission, the hold, the order.

const KEY = 'boxoffice.online.v1';

function read() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || 'null');
    if (saved && typeof saved === 'object' && saved.sessions) {
      return saved;
    }
  } catch {
    // unreadable or storage turned off: start afresh
  }
  return { current: null, sessions: {} };
}

function write(data) {
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    // private browsing with storage off: the page works, a reload just starts again
  }
}

/** The performance the buyer was last busy with, or null. */
export function currentPerformance() {
  return read().current;
}

/** The saved session of a performance (a fresh one when there is none). */
export function session(performanceId) {
  return read().sessions[performanceId] || { performanceId };
}

/** Saves changes to a performance's session and makes it the current one. */
export function update(performanceId, changes) {
  const data = read();
  const next = { ...(data.sessions[performanceId] || { performanceId }), ...changes };
  data.sessions[performanceId] = next;
  data.current = performanceId;
  write(data);
  return next;
}

/** Forgets which performance is current (the buyer went back to the list); sessions stay. */
export function leave() {
  const data = read();
  data.current = null;
  write(data);
}
