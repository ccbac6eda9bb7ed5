// Shows how old the data on the status page is: the age restarts whenever the server pushes an
// update or a heartbeat over the SSE stream; a page whose stream broke visibly goes stale.
(function () {
  var receivedAt = Date.now();
  var STALE_AFTER_MS = 15000;

  function tick() {
    var age = (Date.now() - receivedAt) / 1000;
    document.querySelectorAll('.age-seconds').forEach(function (el) {
      el.textContent = age < 10 ? age.toFixed(1) : Math.round(age).toString();
    });
    document.querySelectorAll('.age').forEach(function (el) {
      el.classList.toggle('stale', age * 1000 > STALE_AFTER_MS);
    });
  }

  document.addEventListener('htmx:sseMessage', function () { receivedAt = Date.now(); tick(); });
  document.addEventListener('htmx:sseOpen', function () { receivedAt = Date.now(); tick(); });
  setInterval(tick, 500);
})();

// The report's print button (no inline handlers: the content security policy forbids them).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
