// Money, dates and durations in the buyer's own language and time zone.

/** The buyer's languages, most wanted first, as the browser is set up (not just its own language). */
const locales = typeof navigator !== 'undefined' && navigator.languages?.length ? [...navigator.languages] : undefined;

const moneyFormats = new Map();

function moneyFormat(currency) {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(locales, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** An amount in minor units (cents) as the buyer writes money: 6500 EUR -> "€65.00". */
export function money(minor, currency) {
  if (minor == null || !currency) {
    return '';
  }
  const format = moneyFormat(currency);
  // the currency's own minor unit: 2 digits for EUR, none for JPY
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(minor / 10 ** digits);
}

/** "€30.00 – €65.00", or one price when all are the same. */
export function priceRange(tiers) {
  const priced = tiers.filter((t) => t.priceMinor != null);
  if (priced.length === 0) {
    return '';
  }
  const currency = priced[0].currency;
  const prices = priced.map((t) => t.priceMinor);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? money(low, currency) : `${money(low, currency)} – ${money(high, currency)}`;
}

const dateTime = new Intl.DateTimeFormat(locales, {
  weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit',
});
const time = new Intl.DateTimeFormat(locales, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const shortTime = new Intl.DateTimeFormat(locales, { hour: 'numeric', minute: '2-digit' });

/** "Sat, 20 Dec 2026, 19:30" in the buyer's time zone. */
export function when(instant) {
  return dateTime.format(new Date(instant));
}

/** "19:42:10": a time within the next few minutes. */
export function clock(instant) {
  return time.format(new Date(instant));
}

/** "19:42". */
export function shortClock(instant) {
  return shortTime.format(new Date(instant));
}

/** "9:05" (or "1:02:05") for a number of seconds; never negative. */
export function countdown(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const minutes = new Intl.NumberFormat(locales, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
const seconds = new Intl.NumberFormat(locales, { style: 'unit', unit: 'second', unitDisplay: 'long' });
const hours = new Intl.NumberFormat(locales, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 });

/** An estimated wait in words: "less than a minute", "about 4 minutes", "about 1.5 hours". */
export function waitInWords(totalSeconds) {
  if (totalSeconds < 50) {
    return totalSeconds <= 10 ? 'a few seconds' : `about ${seconds.format(Math.round(totalSeconds / 10) * 10)}`;
  }
  if (totalSeconds < 90 * 60) {
    return `about ${minutes.format(Math.max(1, Math.round(totalSeconds / 60)))}`;
  }
  return `about ${hours.format(totalSeconds / 3600)}`;
}

const count = new Intl.NumberFormat(locales);

/** 1234 -> "1,234" (or "1.234") as the buyer writes numbers. */
export function number(n) {
  return count.format(n);
}

/** A seat as printed on a ticket: "Stalls, row F, seat 12". */
export function seatName(seat) {
  const parts = [];
  if (seat.section) {
    parts.push(seat.section);
  }
  if (seat.row) {
    parts.push(`row ${seat.row}`);
  }
  parts.push(`seat ${seat.seat}`);
  return parts.join(', ');
}
