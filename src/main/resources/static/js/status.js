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

// A rolling-update run's live checks: when another operator moved the run on (or finished it),
// the refreshed checks belong to another step, so the whole page is loaded again.
document.addEventListener('htmx:afterSettle', function () {
  var main = document.querySelector('main[data-current-step]');
  if (!main || main.getAttribute('data-current-step') === 'closed') {
    return;
  }
  var checks = document.getElementById('checks');
  if (!checks || checks.getAttribute('data-current-step') !== main.getAttribute('data-current-step')) {
    window.location.reload();
  }
});
