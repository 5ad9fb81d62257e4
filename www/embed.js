// @ts-check
// The iframe embed: embed.html?src=DATA#filters. Builds one explorer from the address and tells
// the host page its height whenever it changes, by postMessage to the parent window.
const params = new URLSearchParams(location.search);
const explorer = document.createElement('dateline-explorer');
explorer.setAttribute('src', params.get('src') ?? 'data/iraq-2019-2020.json');
for (const name of ['heading', 'views', 'basemap']) {
  const value = params.get(name);
  if (value !== null) explorer.setAttribute(name, value);
}
explorer.setAttribute('hash', '');
/** @type {HTMLElement} */ (document.getElementById('embed')).append(explorer);

let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The height is no secret; any host may read it. Hosts check the message's origin and source.
  window.parent.postMessage({ type: 'dateline:height', height }, '*');
}
new ResizeObserver(report).observe(document.documentElement);
