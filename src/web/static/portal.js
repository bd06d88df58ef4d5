/* global document, window */
// The portal's only script, progressive enhancement: controls that need JavaScript (打印) stay hidden
// without it, and the page works the same otherwise. Served from /static/portal.js (CSP: script-src 'self').
for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
