/**
 * The report's only script, inlined. It adds behaviour to server-rendered markup (the page reads
 * fine without it): verdict filters, and heatmap cells that open the findings they summarise.
 */
export const HTML_SCRIPT = `
(function () {
  "use strict";
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var hidden = {};
  var focus = null;

  function matchesFocus(el) {
    return !focus || (el.getAttribute("data-scenario") === focus.scenario && el.getAttribute("data-probe") === focus.probe);
  }

  function apply() {
    all("details.finding").forEach(function (el) {
      el.hidden = !!hidden[el.getAttribute("data-verdict")] || !matchesFocus(el);
    });
    all("section.scenario").forEach(function (sec) {
      var findings = all("details.finding", sec);
      var visible = findings.filter(function (f) { return !f.hidden; }).length;
      var note = sec.querySelector(".filter-note");
      if (note) note.hidden = findings.length === 0 || visible > 0;
      if (focus) sec.hidden = sec.getAttribute("data-scenario") !== focus.scenario;
      else sec.hidden = false;
    });
    all("[data-filter]").forEach(function (b) {
      b.setAttribute("aria-pressed", hidden[b.getAttribute("data-filter")] ? "false" : "true");
    });
    all(".hm-cell[data-verdict]").forEach(function (c) {
      c.classList.toggle("dim", !!hidden[c.getAttribute("data-verdict")]);
    });
    var chip = document.getElementById("focus-chip");
    if (chip) {
      chip.classList.toggle("on", !!focus);
      var label = chip.querySelector(".what");
      if (label) label.textContent = focus ? focus.probe + " in " + focus.scenario : "";
    }
  }

  function openCell(cell) {
    focus = { scenario: cell.getAttribute("data-scenario"), probe: cell.getAttribute("data-probe") };
    hidden = {};
    all(".hm-cell.selected").forEach(function (c) { c.classList.remove("selected"); });
    cell.classList.add("selected");
    apply();
    var shown = all("details.finding").filter(function (f) { return !f.hidden; });
    shown.forEach(function (f) { f.open = true; f.classList.add("flash"); });
    setTimeout(function () { shown.forEach(function (f) { f.classList.remove("flash"); }); }, 1200);
    if (shown[0]) shown[0].scrollIntoView({ block: "center" });
  }

  all(".hm-cell[data-probe]").forEach(function (cell) {
    cell.addEventListener("click", function () { openCell(cell); });
  });
  all("[data-filter]").forEach(function (b) {
    b.addEventListener("click", function () {
      var v = b.getAttribute("data-filter");
      hidden[v] = !hidden[v];
      apply();
    });
  });
  var clear = document.getElementById("focus-clear");
  if (clear) clear.addEventListener("click", function () {
    focus = null;
    all(".hm-cell.selected").forEach(function (c) { c.classList.remove("selected"); });
    apply();
  });
  var expand = document.getElementById("expand-all");
  if (expand) expand.addEventListener("click", function () {
    var shown = all("details.finding").filter(function (f) { return !f.hidden; });
    var open = shown.some(function (f) { return !f.open; });
    shown.forEach(function (f) { f.open = open; });
    expand.textContent = open ? "Collapse all" : "Expand all";
  });
  apply();
})();
`;
