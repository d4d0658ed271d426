// The venue as an SVG seat map: seats coloured by price category, those not available greyed, kept
// live from the performance's seat-change stream, and every seat reachable by keyboard (one Tab
// stop for the whole map; the arrow keys move between seats, Enter or Space choose).

import * as api from './api.js';
import { money } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const AVAILABLE = '.';
const ZOOMS = [1, 1.5, 2, 3, 4, 6];
/** Seats smaller than this on screen are too small to point at: the map starts zoomed in. */
const MIN_SEAT_PX = 11;

/** Smallest and largest of many numbers (too many for Math.min(...values) on a stadium). */
function extent(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) {
      low = v;
    }
    if (v > high) {
      high = v;
    }
  }
  return [low, high];
}

function svg(name, attributes = {}) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value);
  }
  return element;
}

export class SeatMap {
  /**
   * @param container  where the map goes
   * @param options    performanceId, limit (most seats one buyer may choose), onChange(selectedSeats),
   *                   announce(sentence) for changes a screen reader user should hear
   */
  constructor(container, { performanceId, limit, onChange, announce }) {
    this.container = container;
    this.performanceId = performanceId;
    this.limit = limit;
    this.onChange = onChange;
    this.announce = announce;
    this.seats = [];
    this.selected = new Set();
    /** One state character a seat, in seat index order: '.' available, anything else not. */
    this.states = [];
    this.focusIndex = -1;
    this.zoom = 0;
    this.source = null;
    this.retry = null;
    this.closed = false;
  }

  /** Loads the layout and what is free now, draws the map and follows the changes. */
  async load() {
    const [layout, availability] = await Promise.all([api.seatMap(this.performanceId), api.availability(this.performanceId)]);
    if (this.closed) {
      return;
    }
    this.layout = layout;
    this.categories = new Map(layout.categories.map((c) => [c.code, c]));
    this.seats = layout.seats.map(([id, section, row, number, x, y, category, flags], index) => ({
      index, id, section, row, number, x, y, category, flags,
      sectionName: layout.sections[section] ? layout.sections[section].name : '',
    }));
    this.draw();
    this.applyStates(availability.states, false);
    this.follow(availability.feedId);
  }

  /** The seats chosen, in the order of the map. */
  selection() {
    return [...this.selected].sort((a, b) => a - b).map((i) => this.describe(this.seats[i]));
  }

  /** A seat as the rest of the page shows it. */
  describe(seat) {
    const category = this.categories.get(seat.category) || {};
    return {
      seatId: seat.id, section: seat.sectionName, row: seat.row, seat: seat.number, category: seat.category,
      categoryName: category.name, priceMinor: category.priceMinor, currency: category.currency,
    };
  }

  clearSelection() {
    const was = [...this.selected];
    this.selected.clear();
    was.forEach((i) => this.render(i));
    this.onChange(this.selection());
  }

  /** Seats someone else took (the server said so): shown taken at once, before the stream says it. */
  markTaken(seatIds) {
    const ids = new Set(seatIds);
    let changed = false;
    this.seats.forEach((seat) => {
      if (ids.has(seat.id)) {
        this.setState(seat.index, 'H');
        changed = true;
      }
    });
    if (changed) {
      this.onChange(this.selection());
    }
  }

  close() {
    this.closed = true;
    clearTimeout(this.retry);
    if (this.source) {
      this.source.close();
      this.source = null;
    }
  }

  // ------------------------------------------------------------------ drawing

  draw() {
    const seats = this.seats;
    const xs = seats.map((s) => s.x);
    const ys = seats.map((s) => s.y);
    this.layout.sections.forEach((section) => section.outline.forEach(([x, y]) => {
      xs.push(x);
      ys.push(y);
    }));
    const [seatLeft, seatRight] = extent(seats.map((s) => s.x));
    const [seatFront] = extent(seats.map((s) => s.y));
    const [left, right] = extent(xs);
    const [front, back] = extent(ys);
    const radius = this.seatRadius();
    const theatre = this.layout.venue.kind === 'THEATRE';
    const minX = left - 1;
    const maxX = right + 1;
    const minY = Math.min(front, seatFront - (theatre ? 4 : 0)) - 1;
    this.width = maxX - minX;
    const fontSize = Math.max(0.6, Math.min(2, this.width / 45));
    const maxY = back + radius + fontSize * 1.6;
    this.radius = radius;

    const map = svg('svg', {
      viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`,
      class: 'seat-map-svg',
      role: 'group',
      // the seats are the Tab stop, not the drawing
      tabindex: '-1',
      'aria-label': `Seat map of ${this.layout.venue.name}`,
      'aria-describedby': 'map-help',
    });

    if (theatre) {
      const stageWidth = Math.min((seatRight - seatLeft) * 0.6, 24);
      const centre = (seatLeft + seatRight) / 2;
      const top = seatFront - 3.5;
      map.append(svg('rect', { class: 'stage', x: centre - stageWidth / 2, y: top, width: stageWidth, height: 2, rx: 0.4 }));
      const label = svg('text', { class: 'stage-label', x: centre, y: top + 1 + fontSize * 0.35, 'font-size': fontSize, 'text-anchor': 'middle' });
      label.textContent = 'Stage';
      map.append(label);
    }

    const outlines = svg('g', { class: 'sections', 'aria-hidden': 'true' });
    const boxes = this.layout.sections.map((section, s) => {
      const own = seats.filter((seat) => seat.section === s);
      const [l, r] = extent([...own.map((seat) => seat.x - radius), ...section.outline.map(([x]) => x)]);
      const [t, b] = extent([...own.map((seat) => seat.y - radius), ...section.outline.map(([, y]) => y)]);
      return { l, r, t, b, seats: own.length };
    });
    const labels = svg('g', { class: 'section-labels', 'aria-hidden': 'true' });
    this.layout.sections.forEach((section, s) => {
      if (section.outline.length > 2) {
        outlines.append(svg('polygon', { class: 'section', points: section.outline.map((p) => p.join(',')).join(' ') }));
      }
      const box = boxes[s];
      if (box.seats > 0) {
        const place = this.labelPlace(section.name, box, boxes, fontSize);
        const label = svg('text', {
          class: 'section-label', x: place.x, y: place.y, 'font-size': place.size, 'text-anchor': 'middle',
        });
        label.textContent = section.name;
        labels.append(label);
      }
    });
    map.append(outlines);

    const group = svg('g', { class: 'seats' });
    this.elements = seats.map((seat) => {
      const category = this.categories.get(seat.category);
      const element = svg('circle', {
        class: 'seat', cx: seat.x, cy: seat.y, r: radius,
        fill: category && category.color ? category.color : '#6b7280',
        role: 'checkbox', tabindex: '-1', 'data-seat-id': seat.id, 'data-index': seat.index,
      });
      if (seat.flags === 'W') {
        element.classList.add('seat-wheelchair');
      }
      group.append(element);
      return element;
    });
    map.append(group);
    map.append(labels);
    // a ring round the focused seat, outside it, so its colour and state stay visible
    this.ring = svg('g', { class: 'focus-ring', 'aria-hidden': 'true' });
    this.ring.append(svg('circle', { class: 'inner', r: radius * 1.35, 'stroke-width': radius * 0.45 }),
      svg('circle', { class: 'outer', r: radius * 1.7, 'stroke-width': radius * 0.25 }));
    this.ring.style.display = 'none';
    map.append(this.ring);
    map.addEventListener('focusout', () => {
      this.ring.style.display = 'none';
    });

    this.rows = this.buildRows();
    map.addEventListener('click', (event) => this.onClick(event));
    map.addEventListener('keydown', (event) => this.onKey(event));
    map.addEventListener('focusin', (event) => this.onFocus(event));

    this.container.replaceChildren(map);
    this.container.removeAttribute('aria-busy');
    this.svg = map;
    this.fitZoom();
  }

  /**
   * Where a section's name goes: below the section, else above it, where no other section is; else
   * over it (with a halo). Narrow sections (boxes) get smaller lettering, no wider than they are.
   */
  labelPlace(name, box, boxes, fontSize) {
    const size = Math.max(0.35, Math.min(fontSize, (box.r - box.l) / (0.62 * name.length)));
    const x = (box.l + box.r) / 2;
    const half = (0.62 * name.length * size) / 2;
    const free = (top, bottom) => boxes.every((other) => other === box
      || other.r < x - half || other.l > x + half || other.b < top || other.t > bottom);
    const gap = size * 0.25;
    if (free(box.b + gap, box.b + gap + size)) {
      return { x, y: box.b + gap + size * 0.85, size };
    }
    if (free(box.t - gap - size, box.t - gap)) {
      return { x, y: box.t - gap - size * 0.15, size };
    }
    return { x, y: (box.t + box.b) / 2 + size * 0.35, size };
  }

  /** A little under half the usual distance between neighbours in a row. */
  seatRadius() {
    const gaps = [];
    for (let i = 1; i < this.seats.length && gaps.length < 400; i++) {
      const a = this.seats[i - 1];
      const b = this.seats[i];
      if (a.section === b.section && a.row === b.row) {
        gaps.push(Math.hypot(a.x - b.x, a.y - b.y));
      }
    }
    gaps.sort((a, b) => a - b);
    const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
    return Math.max(0.1, Math.min(usual * 0.42, 0.45));
  }

  /** Each seat's row neighbours, left to right. */
  buildRows() {
    const rows = new Map();
    this.seats.forEach((seat) => {
      const key = `${seat.section}\u0000${seat.row}`;
      if (!rows.has(key)) {
        rows.set(key, []);
      }
      rows.get(key).push(seat);
    });
    this.rowOf = new Array(this.seats.length);
    this.placeInRow = new Array(this.seats.length);
    for (const row of rows.values()) {
      row.sort((a, b) => a.x - b.x);
      row.forEach((seat, i) => {
        this.rowOf[seat.index] = row;
        this.placeInRow[seat.index] = i;
      });
    }
    return rows;
  }

  // ------------------------------------------------------------------ zoom

  fitZoom() {
    const shown = this.container.clientWidth || 320;
    const seatPx = (2 * this.radius * shown) / this.width;
    let zoom = 0;
    while (zoom < ZOOMS.length - 1 && seatPx * ZOOMS[zoom] < MIN_SEAT_PX) {
      zoom += 1;
    }
    this.setZoom(zoom);
  }

  setZoom(level) {
    this.zoom = Math.max(0, Math.min(ZOOMS.length - 1, level));
    const container = this.container;
    const middle = container.scrollWidth > 0 ? (container.scrollLeft + container.clientWidth / 2) / container.scrollWidth : 0.5;
    this.svg.style.width = `${ZOOMS[this.zoom] * 100}%`;
    container.scrollLeft = middle * container.scrollWidth - container.clientWidth / 2;
    return { canZoomIn: this.zoom < ZOOMS.length - 1, canZoomOut: this.zoom > 0 };
  }

  zoomIn() {
    return this.setZoom(this.zoom + 1);
  }

  zoomOut() {
    return this.setZoom(this.zoom - 1);
  }

  // ------------------------------------------------------------------ state

  applyStates(states, announce) {
    for (let i = 0; i < this.seats.length; i++) {
      const next = states.charAt(i) || 'B';
      if (this.states[i] !== next) {
        this.setState(i, next, announce);
      }
    }
    if (this.focusIndex < 0) {
      const firstFree = this.states.indexOf(AVAILABLE);
      this.moveFocus(firstFree >= 0 ? firstFree : 0, false);
    }
  }

  setState(index, state, announce = true) {
    this.states[index] = state;
    if (state !== AVAILABLE && this.selected.has(index)) {
      this.selected.delete(index);
      if (announce) {
        this.announce(`${this.label(this.seats[index], false)} was taken by someone else a moment ago; it is no longer in your choice.`);
      }
      this.onChange(this.selection());
    }
    this.render(index);
  }

  available(index) {
    return this.states[index] === AVAILABLE;
  }

  render(index) {
    const element = this.elements[index];
    const free = this.available(index);
    const chosen = this.selected.has(index);
    element.classList.toggle('seat-taken', !free);
    element.classList.toggle('seat-chosen', chosen);
    element.setAttribute('aria-checked', chosen ? 'true' : 'false');
    element.setAttribute('aria-disabled', free ? 'false' : 'true');
    element.setAttribute('aria-label', this.label(this.seats[index], true));
  }

  /** "Stalls row A seat 12, €65.00, available". */
  label(seat, withState) {
    const category = this.categories.get(seat.category) || {};
    const parts = [`${seat.sectionName ? `${seat.sectionName} ` : ''}row ${seat.row} seat ${seat.number}`];
    if (category.priceMinor != null) {
      parts.push(money(category.priceMinor, category.currency));
    }
    if (seat.flags === 'W') {
      parts.push('wheelchair space');
    } else if (seat.flags === 'C') {
      parts.push('companion seat');
    }
    if (withState) {
      parts.push(this.selected.has(seat.index) ? 'chosen' : this.available(seat.index) ? 'available' : 'not available');
    }
    return parts.join(', ');
  }

  toggle(index) {
    const seat = this.seats[index];
    if (this.selected.has(index)) {
      this.selected.delete(index);
    } else if (!this.available(index)) {
      this.announce(`${this.label(seat, false)} is not available.`);
      return;
    } else if (this.selected.size >= this.limit) {
      this.announce(`You can choose up to ${this.limit} seats. Leave a seat before choosing another.`);
      return;
    } else if (this.categories.get(seat.category)?.priceMinor == null) {
      this.announce(`${this.label(seat, false)} is not for sale at this performance.`);
      return;
    } else {
      this.selected.add(index);
    }
    this.render(index);
    this.onChange(this.selection());
  }

  // ------------------------------------------------------------------ keyboard and pointer

  moveFocus(index, focus = true) {
    if (index < 0 || index >= this.elements.length) {
      return;
    }
    if (this.focusIndex >= 0) {
      this.elements[this.focusIndex].setAttribute('tabindex', '-1');
    }
    this.focusIndex = index;
    const element = this.elements[index];
    element.setAttribute('tabindex', '0');
    if (focus) {
      element.focus({ preventScroll: true });
      this.keepInView(element);
    }
  }

  keepInView(element) {
    const box = element.getBoundingClientRect();
    const view = this.container.getBoundingClientRect();
    const margin = 24;
    if (box.left < view.left + margin) {
      this.container.scrollLeft -= view.left + margin - box.left;
    } else if (box.right > view.right - margin) {
      this.container.scrollLeft += box.right - view.right + margin;
    }
    if (box.top < view.top + margin) {
      this.container.scrollTop -= view.top + margin - box.top;
    } else if (box.bottom > view.bottom - margin) {
      this.container.scrollTop += box.bottom - view.bottom + margin;
    }
  }

  onFocus(event) {
    const index = Number(event.target.dataset?.index);
    if (Number.isNaN(index)) {
      return;
    }
    if (index !== this.focusIndex) {
      this.moveFocus(index, false);
    }
    const seat = this.seats[index];
    this.ring.setAttribute('transform', `translate(${seat.x} ${seat.y})`);
    this.ring.style.display = '';
  }

  onClick(event) {
    const index = Number(event.target.dataset?.index);
    if (Number.isNaN(index)) {
      return;
    }
    this.moveFocus(index);
    this.toggle(index);
  }

  onKey(event) {
    if (this.focusIndex < 0) {
      return;
    }
    const from = this.focusIndex;
    let to = -1;
    switch (event.key) {
      case 'ArrowLeft': to = this.along(from, -1); break;
      case 'ArrowRight': to = this.along(from, 1); break;
      case 'ArrowUp': to = this.across(from, -1); break;
      case 'ArrowDown': to = this.across(from, 1); break;
      case 'Home': to = this.rowOf[from][0].index; break;
      case 'End': to = this.rowOf[from][this.rowOf[from].length - 1].index; break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.toggle(from);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (to >= 0) {
      this.moveFocus(to);
    }
  }

  /** The next seat in the row (left: -1, right: +1), or the nearest one that way past the row's end. */
  along(from, direction) {
    const row = this.rowOf[from];
    const next = row[this.placeInRow[from] + direction];
    if (next) {
      return next.index;
    }
    return this.nearest(from, (dx, dy) => (dx * direction > this.radius ? Math.abs(dx) + 3 * Math.abs(dy) : Infinity));
  }

  /** The nearest seat in another row in front (up: -1) or behind (down: +1); curved rows rise at their ends. */
  across(from, direction) {
    const row = this.rowOf[from];
    return this.nearest(from, (dx, dy, seat) => (this.rowOf[seat.index] !== row && dy * direction > this.radius
      ? Math.abs(dy) + 3 * Math.abs(dx) : Infinity));
  }

  nearest(from, score) {
    const origin = this.seats[from];
    let best = -1;
    let bestScore = Infinity;
    for (const seat of this.seats) {
      const s = score(seat.x - origin.x, seat.y - origin.y, seat);
      if (s < bestScore) {
        bestScore = s;
        best = seat.index;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ live changes

  follow(feedId) {
    if (this.closed || typeof EventSource === 'undefined') {
      return;
    }
    const source = new EventSource(api.changesUrl(this.performanceId, feedId));
    this.source = source;
    source.addEventListener('seats', (event) => {
      const change = JSON.parse(event.data);
      change.seats.forEach((index, i) => this.setState(index, change.states.charAt(i)));
    });
    source.addEventListener('reset', () => {
      // too far behind, or the seats were rebuilt: start again from what is true now
      source.close();
      this.refresh();
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED && this.source === source) {
        this.source = null;
        this.retry = setTimeout(() => this.refresh(), 5000);
      }
    });
  }

  async refresh() {
    if (this.closed) {
      return;
    }
    try {
      const availability = await api.availability(this.performanceId);
      this.applyStates(availability.states, true);
      this.follow(availability.feedId);
    } catch {
      this.retry = setTimeout(() => this.refresh(), 10000);
    }
  }
}
