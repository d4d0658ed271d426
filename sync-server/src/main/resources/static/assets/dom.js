// Small DOM helpers: building elements (text is always set as text, never parsed as HTML), the
// page's steps, the message area and field errors.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** h('p', {class: 'x'}, 'text', child, ...): an element with attributes and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.substring(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child == null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const STEPS = ['performances', 'queue', 'seats', 'pay', 'tickets'];

/** Shows one step, marks it in the progress list and moves focus to its heading. */
export function showStep(step, { focus = true } = {}) {
  for (const name of STEPS) {
    $(`#step-${name}`).hidden = name !== step;
  }
  const at = STEPS.indexOf(step);
  $$('#steps li').forEach((item) => {
    const index = STEPS.indexOf(item.dataset.step);
    item.classList.toggle('done', index < at);
    if (index === at) {
      item.setAttribute('aria-current', 'step');
    } else {
      item.removeAttribute('aria-current');
    }
  });
  const heading = $(`#step-${step} h1`);
  document.title = `${heading.textContent} – Box office`;
  if (focus) {
    heading.focus();
  }
}

/** The step on show. */
export function currentStep() {
  return STEPS.find((name) => !$(`#step-${name}`).hidden);
}

/**
 * A message in the alert area: kind 'error', 'warning', 'info' or 'success'; the title says what
 * happened, the detail what to do next.
 */
export function showMessage(kind, title, ...detail) {
  const area = $('#message');
  area.className = `message message-${kind}`;
  area.replaceChildren(h('p', { class: 'message-title' }, title), ...detail.filter(Boolean).map((d) => h('p', {}, d)));
  const box = area.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) {
    area.scrollIntoView({ block: 'nearest' });
  }
}

export function clearMessage() {
  const area = $('#message');
  area.className = 'message';
  area.replaceChildren();
}

/** Marks a form field wrong, with the sentence under it; clearFieldErrors(form) undoes all. */
export function fieldError(input, message) {
  input.setAttribute('aria-invalid', 'true');
  const error = $(`#${input.id}-error`);
  if (error) {
    error.textContent = message;
  }
}

export function clearFieldErrors(form) {
  $$('[aria-invalid]', form).forEach((input) => {
    input.removeAttribute('aria-invalid');
    const error = $(`#${input.id}-error`);
    if (error) {
      error.textContent = '';
    }
  });
}

/** Disables a button while its request runs, saying so on the button. */
export function busy(button, text) {
  button.dataset.label = button.dataset.label || button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = text;
  return () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = button.dataset.label;
    delete button.dataset.label;
  };
}

/** Says a sentence to screen reader users without showing it. */
export function announce(sentence) {
  const live = $('#announcer');
  live.textContent = '';
  // a change of text is what is announced: clear first so the same sentence twice is heard twice
  setTimeout(() => {
    live.textContent = sentence;
  }, 50);
}
