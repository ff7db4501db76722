// auditor HTML report: sort and filter the file list; open every "how the
// table was read" before printing. With scripts off the page is complete.
(function () {
  "use strict";
  var list = document.getElementById("file-list");
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  if (!list) { return; }
  var body = list.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter");
  var status = document.getElementById("status-filter");
  var shown = document.getElementById("shown");
  var clean = Array.prototype.slice.call(document.querySelectorAll(".clean-list li"));
  document.querySelector(".controls").hidden = false;

  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var count = 0;
    rows.forEach(function (row) {
      var haystack = (row.textContent + " " + row.getAttribute("data-rules")).toLowerCase();
      var show = (!wanted || row.getAttribute("data-status") === wanted) &&
        words.every(function (w) { return haystack.indexOf(w) >= 0; });
      row.hidden = !show;
      if (show) { count += 1; }
    });
    clean.forEach(function (li) {
      var haystack = li.textContent.toLowerCase();
      var show = (!wanted || wanted === "clean") && words.every(function (w) { return haystack.indexOf(w) >= 0; });
      li.hidden = !show;
      if (show) { count += 1; }
    });
    shown.textContent = count + " of " + (rows.length + clean.length) + " files shown";
  }

  function sortBy(th, index, numeric) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(list.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    function key(row) {
      var cell = row.cells[index];
      if (numeric) { return parseFloat(cell.getAttribute("data-value")); }
      var value = cell.getAttribute("data-value");
      return value !== null ? parseFloat(value) : cell.textContent.toLowerCase();
    }
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(list.tHead.rows[0].cells, function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    button.title = "sort by " + th.textContent.toLowerCase();
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(th, index, th.getAttribute("data-sort") === "number"); });
  });
  // A status in the summary's "Files by status" shows the list filtered to it.
  document.querySelectorAll("a[data-filter-status]").forEach(function (a) {
    a.addEventListener("click", function () {
      status.value = a.getAttribute("data-filter-status");
      filter();
    });
  });
  text.addEventListener("input", filter);
  status.addEventListener("change", filter);
  filter();
}());
