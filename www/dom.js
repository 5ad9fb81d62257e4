// @ts-check
// Building DOM nodes safely. Every text from data goes in through textContent; attributes are
// set one by one (never parsed as HTML); links are kept only when they are http(s).

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Attributes to set: `null`, `undefined` and `false` leave one out, `true` sets it empty.
 *
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 */

/**
 * What goes into an element: a node, or text (or a number); `null`, `undefined` and `false` are
 * left out.
 *
 * @typedef {Node | string | number | false | null | undefined} Leaf
 */

/** A leaf, or a list of leaves. @typedef {Leaf | Leaf[]} Child */

/**
 * Creates an HTML element: `el('p', { class: 'x' }, 'text', child, ...)`.
 *
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {Child[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/**
 * Creates an SVG element.
 *
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {Child[]} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attributes, children);
}

/**
 * @template {Element} E
 * @param {E} node
 * @param {Attributes} attributes
 * @param {Child[]} children
 * @returns {E}
 */
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

/**
 * Removes every child of `node`.
 *
 * @template {Element | ShadowRoot} N
 * @param {N} node
 * @returns {N}
 */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * The element nearest the target of `event` that matches `selector`, the target included.
 *
 * @param {Event} event
 * @param {string} selector
 * @returns {HTMLElement | SVGElement | null}
 */
export function closest(event, selector) {
  return event.target instanceof Element ? event.target.closest(selector) : null;
}

/**
 * True for absolute http(s) URLs, the only links Dateline makes.
 *
 * @param {unknown} url
 * @returns {url is string}
 */
export function isWebLink(url) {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A link that opens elsewhere, or plain text when the URL is not http(s).
 *
 * @param {string | null | undefined} url
 * @param {string} text
 */
export function link(url, text) {
  if (!isWebLink(url)) return el('span', {}, text);
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
}
