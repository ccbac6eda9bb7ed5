// The whole-cluster page: the filter box and "only what needs attention" hide rows of the matrix;
// folded kinds stay folded. Both are applied again after each live refresh of the page.
(function () {
  var folded = {};

  function apply() {
    var box = document.getElementById('cluster-filter');
    var only = document.getElementById('cluster-only-problems');
    if (!box) {
      return;
    }
    var words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll('table.matrix tbody tr').forEach(function (row) {
      var text = row.getAttribute('data-filter') || '';
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      var problem = row.getAttribute('data-problem') === 'true';
      row.hidden = !match || (only.checked && !problem);
    });
    document.querySelectorAll('details.kind').forEach(function (kind) {
      var name = kind.getAttribute('data-kind');
      if (folded[name]) {
        kind.open = false;
      }
    });
  }

  document.addEventListener('input', function (event) {
    if (event.target.id === 'cluster-filter' || event.target.id === 'cluster-only-problems') {
      apply();
    }
  });
  document.addEventListener('toggle', function (event) {
    var kind = event.target;
    if (kind.matches && kind.matches('details.kind')) {
      folded[kind.getAttribute('data-kind')] = !kind.open;
    }
  }, true);
  document.addEventListener('htmx:afterSwap', apply);
  document.addEventListener('DOMContentLoaded', apply);
})();
