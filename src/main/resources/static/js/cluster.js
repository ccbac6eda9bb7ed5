// The whole-cluster page: the filter box and "only what needs attention" hide rows of the matrix;
// a kind folded with its button stays folded, and so does a list opened or closed by hand (the nodes,
// a node's attributes). All of it is applied again after each live refresh.
(function () {
  var folded = {};
  var kept = {};

  function apply() {
    var box = document.getElementById('cluster-filter');
    var only = document.getElementById('cluster-only-problems');
    if (!box) {
      return;
    }
    var words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll('table.matrix tbody tr:not(.kind-head)').forEach(function (row) {
      var text = row.getAttribute('data-filter') || '';
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match || (only.checked && row.getAttribute('data-problem') !== 'true');
    });
    document.querySelectorAll('details[data-keep]').forEach(function (details) {
      var key = details.getAttribute('data-keep');
      if (key in kept && details.open !== kept[key]) {
        details.open = kept[key];
      }
    });
    document.querySelectorAll('table.matrix tbody.kind').forEach(function (kind) {
      var isFolded = !!folded[kind.getAttribute('data-kind')];
      kind.classList.toggle('folded', isFolded);
      kind.querySelector('button.fold').setAttribute('aria-expanded', String(!isFolded));
    });
  }

  document.addEventListener('input', function (event) {
    if (event.target.id === 'cluster-filter' || event.target.id === 'cluster-only-problems') {
      apply();
    }
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('table.matrix button.fold');
    if (button) {
      var kind = button.closest('tbody.kind').getAttribute('data-kind');
      folded[kind] = !folded[kind];
      apply();
    }
  });
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (details.matches && details.matches('details[data-keep]')) {
      kept[details.getAttribute('data-keep')] = details.open;
    }
  }, true);
  document.addEventListener('htmx:afterSwap', apply);
  document.addEventListener('DOMContentLoaded', apply);
})();
