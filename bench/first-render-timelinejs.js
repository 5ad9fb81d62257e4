// TimelineJS on the same fifty events, as its embed makes it: 760 px tall, its data fetched.
/* global TL */
const element = document.getElementById('timeline');
element.style.height = '760px';
new TL.Timeline(element, '/bench/generated/first-render/timelinejs-50.json', {
  script_path: new URL('/bench/generated/first-render/timelinejs/js/', location.href).href,
});
