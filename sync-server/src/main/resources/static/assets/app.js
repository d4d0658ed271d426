// The public page: choose a performance, wait in its queue, choose seats, pay, get the tickets.
// Each step is a section of index.html; what the buyer has done so far is kept in the browser
// (store.js), so a reload carries on from the same place.

import * as api from './api.js';
import * as store from './store.js';
import * as queue from './queue.js';
import * as fmt from './format.js';
import { SeatMap } from './seat-map.js';
import {
  $, h, showStep, currentStep, showMessage, clearMessage, fieldError, clearFieldErrors, busy, announce,
} from './dom.js';

const page = {
  performances: [],
  performance: null,
  stopWatching: null,
  seatMap: null,
  countdown: null,
  firstPosition: null,
  lastAnnounced: 0,
  pollOrder: null,
  /** Idempotency keys of requests that got no answer, to send again with the same key. */
  unanswered: new Map(),
};

// ------------------------------------------------------------------ helpers

function session() {
  return store.session(page.performance.id);
}

function save(changes) {
  return store.update(page.performance.id, changes);
}

/** The key for a request: the one of the same request that got no answer, else a new one. */
function keyFor(what, body) {
  const same = page.unanswered.get(what);
  const text = JSON.stringify(body);
  if (same && same.body === text) {
    return same.key;
  }
  const key = api.newKey();
  page.unanswered.set(what, { body: text, key });
  return key;
}

/** After an answer (yes or no) the request is settled; only one lost on the way is sent again as it was. */
function answered(what, error) {
  if (!error || error.status !== api.OFFLINE) {
    page.unanswered.delete(what);
  }
}

function problem(error, nextStep) {
  if (!(error instanceof api.ApiError)) {
    console.error(error);
    showMessage('error', 'Something went wrong on this page', 'Reload the page; your place and your seats are kept.');
    return;
  }
  const retry = error.retryAfterSeconds ? `Try again in ${error.retryAfterSeconds} seconds.` : null;
  showMessage('error', error.title, error.detail, retry, nextStep);
}

/** Runs one countdown at a time (the step's), shown in the page header too. */
function startCountdown(until, { label, render, onEnd }) {
  stopCountdown();
  const timer = $('#timer');
  let warned = false;
  const tick = () => {
    const left = (Date.parse(until) - api.now()) / 1000;
    const text = fmt.countdown(left);
    if (label) {
      timer.hidden = false;
      timer.replaceChildren(h('span', { class: 'timer-label' }, label), ' ', h('strong', {}, text));
      timer.classList.toggle('urgent', left <= 60);
    }
    render?.(text, left);
    if (left <= 60 && !warned && label) {
      warned = true;
      announce(`One minute left: ${label.toLowerCase()}.`);
    }
    if (left <= 0) {
      stopCountdown();
      onEnd?.();
    }
  };
  tick();
  page.countdown = setInterval(tick, 1000);
}

function stopCountdown() {
  clearInterval(page.countdown);
  page.countdown = null;
  $('#timer').hidden = true;
}

function leaveSeats() {
  if (page.seatMap) {
    page.seatMap.close();
    page.seatMap = null;
  }
}

function stopWatching() {
  if (page.stopWatching) {
    page.stopWatching();
    page.stopWatching = null;
  }
}

function stopAll() {
  stopWatching();
  stopCountdown();
  leaveSeats();
  clearInterval(page.pollOrder);
  page.pollOrder = null;
}

/** The chosen performance in a line, at the top of every step after the first. */
function renderChosen() {
  const p = page.performance;
  for (const box of document.querySelectorAll('[data-chosen]')) {
    box.replaceChildren(
      h('p', { class: 'chosen-title' }, p.title),
      h('p', { class: 'chosen-meta' }, h('time', { datetime: p.startsAt }, fmt.when(p.startsAt)), ` · ${p.venueName}`),
      h('button', { type: 'button', class: 'link', onclick: backToList }, 'Choose another performance'),
    );
  }
}

function backToList() {
  stopAll();
  clearMessage();
  store.leave();
  page.performance = null;
  renderPerformances();
  showStep('performances');
  // seats left and sales opened since: the list again, quietly
  api.performances().then((list) => {
    page.performances = list;
    if (currentStep() === 'performances') {
      renderPerformances();
    }
  }, () => {});
}

// ------------------------------------------------------------------ 1. performances

function saleStatus(p) {
  if (p.onSale && p.seatsAvailable === 0) {
    return h('p', { class: 'status status-sold-out' }, 'Sold out');
  }
  if (p.onSale) {
    return h('p', { class: 'status status-on-sale' }, 'On sale');
  }
  return h('p', { class: 'status status-soon' }, 'Sale opens ', h('time', { datetime: p.saleOpens }, fmt.when(p.saleOpens)));
}

function renderPerformances() {
  $('#performances-loading').hidden = true;
  const list = $('#performance-list');
  if (page.performances.length === 0) {
    list.replaceChildren(h('li', { class: 'empty' }, 'Nothing is on sale at the moment. Come back soon.'));
    return;
  }
  list.replaceChildren(...page.performances.map((p) => {
    const saved = store.session(p.id);
    const soldOut = p.onSale && p.seatsAvailable === 0;
    const mine = saved.order ? 'You have tickets for this performance' : saved.queueId ? 'You have a place in this queue' : null;
    return h('li', { class: 'performance', 'data-performance-id': p.id },
      h('article', { 'aria-labelledby': `title-${p.id}` },
        h('div', { class: 'performance-main' },
          h('h2', { id: `title-${p.id}` }, p.title),
          h('p', { class: 'meta' }, h('time', { datetime: p.startsAt }, fmt.when(p.startsAt)), ` · ${p.venueName}`),
          h('p', { class: 'meta' }, fmt.priceRange(p.priceTiers),
            soldOut ? null : ` · ${fmt.number(p.seatsAvailable)} ${p.seatsAvailable === 1 ? 'seat' : 'seats'} left`),
          mine ? h('p', { class: 'mine' }, mine) : null),
        h('div', { class: 'performance-side' },
          saleStatus(p),
          soldOut ? null : h('button', { type: 'button', class: 'button primary', onclick: () => choose(p) },
            saved.order ? 'See tickets' : 'Choose', h('span', { class: 'visually-hidden' }, ` ${p.title}, ${fmt.when(p.startsAt)}`)))));
  }));
}

function choose(performance) {
  clearMessage();
  page.performance = performance;
  save({});
  resume();
}

/** Carries on with the chosen performance from wherever the buyer was. */
async function resume() {
  renderChosen();
  const s = session();
  if (s.order) {
    return showTickets();
  }
  if (s.paymentPending) {
    showPay();
    return waitForPayment(s.paymentPending);
  }
  if (s.hold && Date.parse(s.hold.expiresAt) > api.now()) {
    return showPay();
  }
  if (s.hold) {
    save({ hold: null });
  }
  if (s.queueId) {
    try {
      return onQueueStatus(await api.queueStatus(s.queueId));
    } catch (e) {
      if (e.status === 404) {
        save({ queueId: null, admissionToken: null, joinKey: null });
        showJoin();
        return showMessage('warning', 'Your place in the queue has ended', 'Join the queue again to get a new place.');
      }
      showJoin();
      return problem(e);
    }
  }
  return showJoin();
}

// ------------------------------------------------------------------ 2. queue

function showJoin() {
  stopAll();
  const s = session();
  $('#join-form').hidden = false;
  $('#queue-status').hidden = true;
  $('#h-queue').textContent = 'Join the queue';
  const email = $('#email');
  email.value = s.email || localStorage.getItem('boxoffice.email') || '';
  clearFieldErrors($('#join-form'));
  showStep('queue');
}

async function onJoin(event) {
  event.preventDefault();
  clearMessage();
  const form = $('#join-form');
  clearFieldErrors(form);
  const input = $('#email');
  const email = input.value.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    fieldError(input, 'Enter your email address, like ada@example.com.');
    input.focus();
    return;
  }
  // the same key from this browser rejoins the same place, even after a reload mid-request
  const key = session().joinKey || api.newKey();
  save({ joinKey: key, email });
  try {
    localStorage.setItem('boxoffice.email', email);
  } catch {
    // storage off: the address is just not remembered
  }
  const done = busy($('#join-button'), 'Joining…');
  try {
    const status = await api.join(page.performance.id, email, key);
    save({ queueId: status.queueId });
    page.firstPosition = null;
    onQueueStatus(status);
  } catch (e) {
    if (e.type === 'invalid-email') {
      fieldError(input, e.detail);
      input.focus();
    } else {
      problem(e);
    }
  } finally {
    done();
  }
}

function watchQueue() {
  if (page.stopWatching) {
    return;
  }
  page.stopWatching = queue.watch(session().queueId, {
    onStatus: (status) => onQueueStatus(status),
    onError: (e) => {
      page.stopWatching = null;
      save({ queueId: null, joinKey: null });
      showJoin();
      problem(e);
    },
    onMode: (mode) => {
      $('#queue-status').dataset.mode = mode;
    },
  });
}

function onQueueStatus(status) {
  if (status.state === 'ADMITTED') {
    stopWatching();
    save({ admissionToken: status.admissionToken, admittedUntil: status.admittedUntil });
    announce('It is your turn: choose your seats.');
    return showSeats();
  }
  const first = currentStep() !== 'queue' || !$('#join-form').hidden || $('#queue-status').hidden;
  $('#join-form').hidden = true;
  $('#queue-status').hidden = false;
  renderQueue(status);
  if (first) {
    showStep('queue');
  }
  if (!queue.settled(status)) {
    watchQueue();
  } else {
    stopWatching();
  }
}

function renderQueue(status) {
  const badge = $('#queue-badge');
  const position = $('#queue-position');
  const wait = $('#queue-wait');
  const progress = $('#queue-progress');
  const explain = $('#queue-explain');
  const actions = $('#queue-actions');
  const heading = $('#h-queue');
  actions.replaceChildren();
  badge.className = `badge badge-${status.state.toLowerCase()}`;
  progress.hidden = false;
  let sentence = '';

  switch (status.state) {
    case 'LOBBY': {
      heading.textContent = 'You are in the waiting room';
      badge.textContent = 'Waiting for the sale to open';
      position.hidden = true;
      progress.removeAttribute('value');
      explain.textContent = 'Everyone who arrives before the sale opens is given a random place in the line '
        + 'when it opens, so arriving early gives no advantage, and there is no need to reload.';
      startCountdown(status.opensAt, {
        render: (left) => {
          wait.replaceChildren('The sale opens at ', h('time', { datetime: status.opensAt }, fmt.when(status.opensAt)),
            ', in ', h('strong', {}, left), '.');
        },
      });
      sentence = `You are in the waiting room. The sale opens at ${fmt.when(status.opensAt)}.`;
      break;
    }
    case 'WAITING': {
      stopCountdown();
      heading.textContent = 'You are in the queue';
      badge.textContent = 'In line';
      position.hidden = false;
      $('#queue-number').textContent = fmt.number(status.position);
      $('#queue-number-label').textContent = status.position === 1 ? 'you are next' : 'your place in the line';
      page.firstPosition = Math.max(page.firstPosition || 0, status.position);
      progress.value = Math.round(100 * (1 - (status.position - 1) / page.firstPosition));
      wait.textContent = status.estimatedWaitSeconds == null
        ? 'Every seat is held by buyers just now; the line moves again as soon as seats come free.'
        : `Estimated wait: ${fmt.waitInWords(status.estimatedWaitSeconds)}.`;
      explain.textContent = 'Buyers are let through a few at a time, in order of their place in the line.';
      sentence = `You are number ${fmt.number(status.position)} in the line. ${wait.textContent}`;
      break;
    }
    case 'EXPIRED':
    case 'DONE':
    case 'SOLD_OUT': {
      stopCountdown();
      position.hidden = true;
      progress.hidden = true;
      wait.textContent = '';
      if (status.state === 'SOLD_OUT') {
        heading.textContent = 'Sold out';
        badge.textContent = 'Sold out';
        explain.textContent = 'Every seat for this performance has been sold. We are sorry; choose another performance.';
        actions.append(h('button', { type: 'button', class: 'button primary', onclick: backToList }, 'Choose another performance'));
      } else {
        heading.textContent = status.state === 'DONE' ? 'You have bought with this place' : 'Your turn has passed';
        badge.textContent = status.state === 'DONE' ? 'Done' : 'Turn passed';
        explain.textContent = status.state === 'DONE'
          ? 'This place in the queue was used to buy tickets. To buy more, join the queue again.'
          : 'You were let through, but no seats were held in time, so your turn went to the next buyer. Join the queue again for a new place.';
        actions.append(h('button', { type: 'button', class: 'button primary', onclick: rejoin }, 'Join the queue again'));
      }
      sentence = `${heading.textContent}. ${explain.textContent}`;
      break;
    }
    default:
      break;
  }
  // a position that changes every second would be read out every second: at most every 10 s
  const live = $('#queue-live');
  const now = Date.now();
  if (status.state !== 'WAITING' || now - page.lastAnnounced > 10000) {
    page.lastAnnounced = now;
    live.textContent = sentence;
  }
}

function rejoin() {
  clearMessage();
  save({ queueId: null, admissionToken: null, admittedUntil: null, joinKey: null });
  showJoin();
}

// ------------------------------------------------------------------ 3. seats

function showSeats() {
  stopAll();
  const p = page.performance;
  const s = session();
  renderChosen();
  showStep('seats');

  startCountdown(s.admittedUntil, {
    label: 'Time to choose',
    render: (left) => {
      $('#admitted-note').replaceChildren('It is your turn. Hold your seats by ',
        h('time', { datetime: s.admittedUntil }, fmt.shortClock(s.admittedUntil)), ' (', h('strong', {}, left),
        ' left); after that your turn goes to the next buyer.');
    },
    onEnd: () => {
      leaveSeats();
      save({ admissionToken: null, admittedUntil: null, queueId: null, joinKey: null });
      showJoin();
      showMessage('warning', 'Your time to choose seats has run out',
        'Your turn went to the next buyer. Join the queue again to get a new place.');
    },
  });

  const limit = p.perBuyerLimit;
  const count = $('#best-count');
  count.replaceChildren(...Array.from({ length: Math.min(limit, 10) }, (_, i) =>
    h('option', { value: i + 1, selected: i + 1 === Math.min(2, limit) }, String(i + 1))));
  $('#best-tier').replaceChildren(h('option', { value: '' }, 'Best seats at any price'),
    ...p.priceTiers.map((t) => h('option', { value: t.category }, `${t.name} – ${fmt.money(t.priceMinor, t.currency)}`)));
  $('#map-limit').textContent = `You may choose up to ${limit} seats.`;
  renderLegend(p);
  renderPicked([]);

  const container = $('#seat-map');
  container.setAttribute('aria-busy', 'true');
  container.replaceChildren(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Loading the seat map…'));
  const map = new SeatMap(container, {
    performanceId: p.id,
    limit,
    onChange: renderPicked,
    announce: (sentence) => {
      $('#map-live').textContent = sentence;
    },
  });
  page.seatMap = map;
  map.load().catch((e) => {
    container.replaceChildren(h('p', { class: 'hint' }, 'The seat map could not be loaded; choose the best available seats above.'));
    problem(e);
  });
}

function renderLegend(p) {
  const swatch = (fill, stroke) => {
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('viewBox', '0 0 2 2');
    icon.setAttribute('class', 'swatch');
    icon.setAttribute('aria-hidden', 'true');
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    dot.setAttribute('cx', '1');
    dot.setAttribute('cy', '1');
    dot.setAttribute('r', stroke ? '0.75' : '0.85');
    dot.setAttribute('fill', fill);
    if (stroke) {
      dot.setAttribute('stroke', stroke);
      dot.setAttribute('stroke-width', '0.3');
    }
    icon.append(dot);
    return icon;
  };
  $('#map-legend').replaceChildren(
    ...p.priceTiers.map((t) => h('li', {}, swatch(t.color || '#6b7280'), `${t.name} ${fmt.money(t.priceMinor, t.currency)}`)),
    h('li', {}, swatch('#1b1f24', '#ffbf47'), 'Your choice'),
    h('li', {}, swatch('#c9cdd4'), 'Not available'));
}

function renderPicked(seats) {
  const list = $('#picked-list');
  list.replaceChildren(...seats.map((seat) => h('li', {},
    h('span', {}, fmt.seatName(seat)), h('span', { class: 'price' }, fmt.money(seat.priceMinor, seat.currency)))));
  $('#picked-none').hidden = seats.length > 0;
  const total = $('#picked-total');
  total.hidden = seats.length === 0;
  if (seats.length > 0) {
    const sum = seats.reduce((acc, seat) => acc + (seat.priceMinor || 0), 0);
    total.textContent = `Total ${fmt.money(sum, seats[0].currency)}`;
  }
  const button = $('#hold-picked');
  if (!button.dataset.label) {
    button.disabled = seats.length === 0;
    button.textContent = seats.length === 0 ? 'Hold these seats' : `Hold ${seats.length === 1 ? 'this seat' : `these ${seats.length} seats`}`;
  }
}

async function holdSeats(body, button) {
  clearMessage();
  const key = keyFor('hold', body);
  const done = busy(button, 'Holding seats…');
  let failure = null;
  try {
    const hold = await api.hold(page.performance.id, session().admissionToken, key, body);
    save({
      hold: {
        holdId: hold.holdId, holdToken: hold.holdToken, expiresAt: hold.expiresAt, seats: hold.seats,
        total: hold.total, currency: hold.currency,
      },
      admissionToken: hold.admissionToken,
      admittedUntil: hold.admittedUntil,
    });
    done();
    showPay();
    return;
  } catch (e) {
    failure = e;
    if (e.type === 'seat-unavailable' && page.seatMap) {
      page.seatMap.markTaken(e.problem.seats || []);
    }
    if (e.type === 'admission-expired' || e.type === 'admission-required') {
      done();
      save({ admissionToken: null, queueId: null, joinKey: null });
      showJoin();
      problem(e);
      return;
    }
    problem(e);
  } finally {
    answered('hold', failure);
  }
  done();
}

function onBest(event) {
  event.preventDefault();
  const tier = $('#best-tier').value;
  const best = { count: Number($('#best-count').value) };
  if (tier) {
    best.priceTier = tier;
  }
  holdSeats({ bestAvailable: best }, $('#best-button'));
}

function onHoldPicked() {
  const seats = page.seatMap ? page.seatMap.selection() : [];
  if (seats.length > 0) {
    holdSeats({ seatIds: seats.map((seat) => seat.seatId) }, $('#hold-picked'));
  }
}

// ------------------------------------------------------------------ 4. hold and pay

function showPay() {
  stopAll();
  const s = session();
  const hold = s.hold;
  renderChosen();
  $('#hold-seats').replaceChildren(...hold.seats.map((seat) => h('tr', { 'data-seat-id': seat.seatId },
    h('td', {}, fmt.seatName(seat)), h('td', { class: 'num' }, fmt.money(seat.priceMinor, hold.currency)))));
  $('#hold-total').textContent = fmt.money(hold.total, hold.currency);
  const until = $('#hold-until');
  until.dateTime = hold.expiresAt;
  until.textContent = fmt.clock(hold.expiresAt);
  $('#pay-button').textContent = `Pay ${fmt.money(hold.total, hold.currency)}`;
  $('#pay-pending').hidden = true;
  setPayEnabled(true);
  clearFieldErrors($('#pay-form'));
  showStep('pay');
  startCountdown(hold.expiresAt, {
    label: 'Seats held',
    render: (left) => {
      $('#hold-countdown').textContent = left;
    },
    onEnd: holdRanOut,
  });
}

function holdRanOut() {
  clearInterval(page.pollOrder);
  page.pollOrder = null;
  save({ hold: null, paymentPending: null });
  const s = session();
  if (s.admittedUntil && Date.parse(s.admittedUntil) > api.now()) {
    showSeats();
  } else {
    save({ admissionToken: null, queueId: null, joinKey: null });
    showJoin();
  }
  showMessage('warning', 'Your seats were given back', 'They were held for a limited time, which has run out. '
    + (currentStep() === 'seats' ? 'Choose seats again.' : 'Join the queue again to choose seats.'));
}

function setPayEnabled(enabled) {
  for (const element of $('#pay-form').elements) {
    element.disabled = !enabled;
  }
  $('#release-button').disabled = !enabled;
}

async function onRelease() {
  clearMessage();
  const s = session();
  const done = busy($('#release-button'), 'Releasing…');
  try {
    await api.release(s.hold.holdId, s.hold.holdToken, s.admissionToken);
  } catch (e) {
    // a hold the server no longer knows or that has ended is given back already
    if (e.status !== 404 && e.type !== 'hold-ended') {
      done();
      problem(e);
      return;
    }
  }
  done();
  save({ hold: null });
  if (s.admittedUntil && Date.parse(s.admittedUntil) > api.now()) {
    showSeats();
  } else {
    rejoin();
  }
  showMessage('info', 'Your seats were released', 'Nothing was charged. Choose other seats if you like.');
}

const CARD_FIELDS = {
  'payment.cardNumber': 'cc-number', 'payment.expiry': 'cc-exp', 'payment.cvc': 'cc-csc', 'payment.name': 'cc-name',
};

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The card as typed, tidied; field errors shown and null when it cannot be right. */
function readCard() {
  const form = $('#pay-form');
  clearFieldErrors(form);
  const name = $('#cc-name');
  const number = $('#cc-number');
  const expiry = $('#cc-exp');
  const cvc = $('#cc-csc');
  const digits = number.value.replace(/[\s-]/g, '');
  const exp = expiry.value.replace(/\s/g, '').replace(/^(\d{2})(\d{2})$/, '$1/$2');
  const wrong = [];
  if (!name.value.trim()) {
    wrong.push([name, 'Enter the name as it is printed on the card.']);
  }
  if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) {
    wrong.push([number, 'Check the card number: it should be the 16 digits on the front of the card.']);
  }
  const match = /^(\d{2})\/(\d{2})$/.exec(exp);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > 12) {
    wrong.push([expiry, 'Enter the expiry date as MM/YY, like 09/28.']);
  } else {
    const today = new Date(api.now());
    const expires = new Date(2000 + Number(match[2]), Number(match[1]), 1);
    if (expires <= today) {
      wrong.push([expiry, 'This card has expired; use another card.']);
    }
  }
  if (!/^\d{3,4}$/.test(cvc.value.trim())) {
    wrong.push([cvc, 'Enter the 3 or 4 digit security code from the back of the card.']);
  }
  if (wrong.length > 0) {
    wrong.forEach(([input, message]) => fieldError(input, message));
    wrong[0][0].focus();
    return null;
  }
  expiry.value = exp;
  number.value = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  return { cardNumber: digits, expiry: exp, cvc: cvc.value.trim(), name: name.value.trim() };
}

async function onPay(event) {
  event.preventDefault();
  clearMessage();
  const card = readCard();
  if (!card) {
    return;
  }
  const s = session();
  const hold = s.hold;
  const key = keyFor('purchase', { holdId: hold.holdId, card });
  setPayEnabled(false);
  const pending = $('#pay-pending');
  $('#pay-pending-text').textContent = 'Paying… do not close this page.';
  pending.hidden = false;
  let failure = null;
  try {
    const answer = await api.purchase(hold.holdId, s.admissionToken, key, hold.holdToken, card);
    if (answer.status === 202) {
      save({ paymentPending: answer.body.orderId });
      waitForPayment(answer.body.orderId);
      return;
    }
    bought(answer.body.orderId);
  } catch (e) {
    failure = e;
    pending.hidden = true;
    setPayEnabled(true);
    payRefused(e);
  } finally {
    answered('purchase', failure);
  }
}

function payRefused(e) {
  switch (e.type) {
    case 'payment-declined': {
      const number = $('#cc-number');
      number.value = '';
      $('#cc-csc').value = '';
      showMessage('error', 'Your card was declined', 'Nothing was taken from your card, and your seats are still held for you.',
        'Pay with another card before the time runs out, or ask your bank why the card was declined.');
      fieldError(number, 'This card was declined. Enter another card.');
      number.focus();
      break;
    }
    case 'seats-lost':
    case 'hold-ended':
    case 'unknown-hold': {
      stopCountdown();
      save({ hold: null, paymentPending: null });
      const s = session();
      if (s.admittedUntil && Date.parse(s.admittedUntil) > api.now()) {
        showSeats();
      } else {
        rejoin();
      }
      problem(e);
      break;
    }
    case 'invalid-request': {
      const fields = e.errors.filter((error) => CARD_FIELDS[error.field]);
      fields.forEach((error) => fieldError($(`#${CARD_FIELDS[error.field]}`), error.message));
      if (fields.length > 0) {
        $(`#${CARD_FIELDS[fields[0].field]}`).focus();
      }
      problem(e);
      break;
    }
    case 'admission-expired':
    case 'admission-required':
      problem(e, 'Your seats stay held until the time shown; join the queue again to buy.');
      break;
    default:
      problem(e);
  }
}

/** The bank did not answer at once: the server settles the payment; ask the order until it has. */
function waitForPayment(orderId) {
  setPayEnabled(false);
  $('#pay-pending').hidden = false;
  $('#pay-pending-text').textContent = 'Your bank has not confirmed the payment yet. We are checking with it; '
    + 'this page updates by itself. Do not pay again.';
  clearInterval(page.pollOrder);
  const check = async () => {
    let order;
    try {
      order = await api.order(orderId, session().hold.holdToken);
    } catch (e) {
      if (e.status === api.OFFLINE || e.status >= 500) {
        return;
      }
      clearInterval(page.pollOrder);
      page.pollOrder = null;
      problem(e);
      return;
    }
    if (order.status === 'PAYMENT_PENDING') {
      return;
    }
    clearInterval(page.pollOrder);
    page.pollOrder = null;
    save({ paymentPending: null });
    if (order.status === 'CONFIRMED') {
      bought(orderId);
    } else if (order.status === 'AWAITING_PAYMENT') {
      $('#pay-pending').hidden = true;
      setPayEnabled(true);
      showMessage('warning', 'The payment did not go through', order.detail);
    } else {
      stopCountdown();
      save({ hold: null });
      rejoin();
      showMessage('error', 'The sale did not go through', order.detail);
    }
  };
  page.pollOrder = setInterval(check, 1500);
  check();
}

function bought(orderId) {
  const s = session();
  save({
    order: { orderId, holdToken: s.hold.holdToken }, hold: null, paymentPending: null, queueId: null,
    admissionToken: null, admittedUntil: null, joinKey: null,
  });
  showTickets();
}

// ------------------------------------------------------------------ 5. tickets

async function showTickets() {
  stopAll();
  const { order: saved } = session();
  $('#order-summary').replaceChildren(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Loading your tickets…'));
  $('#ticket-list').replaceChildren();
  showStep('tickets');
  let order;
  try {
    order = await api.order(saved.orderId, saved.holdToken);
  } catch (e) {
    $('#order-summary').replaceChildren(h('p', {}, 'Your tickets could not be loaded just now.'));
    problem(e, 'Reload the page in a moment to see them; your order is safe.');
    return;
  }
  const p = page.performance;
  $('#order-summary').replaceChildren(
    h('p', { class: 'order-title' }, order.title),
    h('p', {}, h('time', { datetime: order.startsAt }, fmt.when(order.startsAt)), p ? ` · ${p.venueName}` : ''),
    h('dl', { class: 'order-facts' },
      h('div', {}, h('dt', {}, 'Order'), h('dd', { class: 'order-id' }, order.orderId)),
      h('div', {}, h('dt', {}, 'Tickets'), h('dd', {}, String(order.tickets.length))),
      h('div', {}, h('dt', {}, 'Paid'), h('dd', {}, fmt.money(order.total, order.currency))),
      h('div', {}, h('dt', {}, 'Status'), h('dd', {}, order.status === 'CONFIRMED' ? 'Confirmed' : order.status))),
    h('p', { class: 'hint' }, order.detail, ' Show each ticket’s code at the door, printed or on your phone.'));
  $('#ticket-list').replaceChildren(...order.tickets.map((ticket) => h('li', { class: 'ticket', 'data-seat-id': ticket.seatId },
    h('img', {
      class: 'qr', width: 160, height: 160, alt: `Ticket code for ${fmt.seatName(ticket)}`,
      src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`,
    }),
    h('div', { class: 'ticket-text' },
      h('p', { class: 'ticket-show' }, order.title),
      h('p', {}, h('time', { datetime: order.startsAt }, fmt.when(order.startsAt))),
      h('p', { class: 'ticket-seat' }, fmt.seatName(ticket)),
      h('p', {}, fmt.money(ticket.priceMinor, order.currency)),
      h('p', { class: 'ticket-id' }, `Ticket ${ticket.ticketId}`)))));
  if (order.status !== 'CONFIRMED') {
    showMessage('info', 'About this order', order.detail);
  }
}

function onBuyAnother() {
  if (page.performance) {
    save({ order: null });
  }
  backToList();
}

// ------------------------------------------------------------------ start

function wire() {
  $('#join-form').addEventListener('submit', onJoin);
  $('#best-form').addEventListener('submit', onBest);
  $('#hold-picked').addEventListener('click', onHoldPicked);
  $('#pay-form').addEventListener('submit', onPay);
  $('#release-button').addEventListener('click', onRelease);
  $('#print-button').addEventListener('click', () => window.print());
  $('#another-button').addEventListener('click', onBuyAnother);
  $('#zoom-in').addEventListener('click', () => zoomed(page.seatMap?.zoomIn()));
  $('#zoom-out').addEventListener('click', () => zoomed(page.seatMap?.zoomOut()));
  const expiry = $('#cc-exp');
  expiry.addEventListener('input', (event) => {
    // typed as digits, shown as MM/YY: the buyer need not find the slash on a phone keypad
    if (event.inputType === 'insertText' || event.inputType === 'insertFromPaste') {
      const digits = expiry.value.replace(/\D/g, '').slice(0, 4);
      expiry.value = digits.length >= 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
    }
  });
}

function zoomed(state) {
  if (state) {
    $('#zoom-in').disabled = !state.canZoomIn;
    $('#zoom-out').disabled = !state.canZoomOut;
  }
}

async function start() {
  wire();
  showStep('performances', { focus: false });
  try {
    page.performances = await api.performances();
  } catch (e) {
    $('#performances-loading').hidden = true;
    problem(e, 'Reload the page to try again.');
    return;
  }
  renderPerformances();
  const current = store.currentPerformance();
  const performance = current && page.performances.find((p) => p.id === current);
  if (performance) {
    page.performance = performance;
    resume();
  }
}

start();
