// When a benchmark page first shows its events, in ms since navigation: window.firstRender once
// an event's title is on screen in any form (for Dateline, its static list or its explorer's
// list; for TimelineJS, its markers and a slide's headline), and window.explorerReady once the
// widget itself shows them (Dateline's explorer list; for TimelineJS the same moment). Checked
// on every animation frame, the same way for both.
function check() {
  const now = performance.now();
  const explorer = document.querySelector('dateline-explorer');
  const ready = explorer
    ? Boolean(explorer.shadowRoot?.querySelector('.dl-item-title'))
    : document.querySelector('.tl-timemarker') !== null && document.querySelector('.tl-slide .tl-headline') !== null;
  const listed = [...document.querySelectorAll('dateline-explorer > ol > li')].some((li) => li.checkVisibility());
  if ((ready || listed) && window.firstRender === undefined) window.firstRender = now;
  if (ready) window.explorerReady = now;
  else requestAnimationFrame(check);
}
requestAnimationFrame(check);
