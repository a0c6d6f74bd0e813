// Filter the facts table by free text, subject and metric. Inlined into facts.html; no dependencies.
// The filter lives in the address (#q=...&subject=...&metric=...), so a filtered view can be shared.
(function () {
  "use strict";
  var table = document.getElementById("facts-table");
  if (!table) { return; }
  var controls = {
    q: document.getElementById("filter-text"),
    subject: document.getElementById("filter-subject"),
    metric: document.getElementById("filter-metric")
  };
  var shown = document.getElementById("facts-shown");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function readHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    Object.keys(controls).forEach(function (key) {
      if (params.has(key)) { controls[key].value = params.get(key); }
    });
  }

  function writeHash() {
    var params = new URLSearchParams();
    Object.keys(controls).forEach(function (key) {
      if (controls[key].value) { params.set(key, controls[key].value); }
    });
    var hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : window.location.pathname);
  }

  function apply() {
    var needle = controls.q.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var ok = (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1) &&
        (!controls.subject.value || row.dataset.subject === controls.subject.value) &&
        (!controls.metric.value || row.dataset.metric === controls.metric.value);
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = String(count);
  }

  Object.keys(controls).forEach(function (key) {
    controls[key].addEventListener("input", function () { apply(); writeHash(); });
  });
  readHash();
  apply();
})();
