// Building DOM nodes safely. Every text from data goes in through textContent; attributes are
// set one by one (never parsed as HTML); links are kept only when they are http(s).

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an HTML element: `el('p', { class: 'x' }, 'text', child, ...)`. */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** Creates an SVG element. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error(`dom: use addEventListener, not ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** True for absolute http(s) URLs, the only links Dateline makes. */
export function isWebLink(url) {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link that opens elsewhere, or plain text when the URL is not http(s). */
export function link(url, text) {
  if (!isWebLink(url)) return el('span', {}, text);
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
}
