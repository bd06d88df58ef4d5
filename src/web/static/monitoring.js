/* global document, window */
// Progressive enhancement of a monitoring run's page: while the run is queued or running (data-refresh on the
// progress element), the page reloads every few seconds to show the progress. Without JavaScript, reload by hand.
(() => {
  const live = document.querySelector('[data-refresh]');
  if (!live) return;
  const seconds = Number(live.getAttribute('data-refresh')) || 3;
  window.setTimeout(() => window.location.reload(), seconds * 1000);
})();
