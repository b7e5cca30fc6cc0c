// DOM building without innerHTML: every piece of data becomes a text node, so a "<script>" in a
// letter is shown as text and never runs.

/**
 * el('p', { class: 'x', text: 'hello', 'aria-live': 'polite' }, child, 'text', ...)
 * Attributes: class, text (textContent), i18n (a key, translated now and on language change),
 * on<Event> keys are not supported on purpose: use addEventListener.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

const SvgNs = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SvgNs, tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = String(value);
    } else if (name === 'i18n') {
      node.dataset.i18n = value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** A query-string parameter of the current page. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
