/*
 * Samverkansguiden – utskrift av valda övningsfall.
 *
 * På övningsfallens sida: kryssrutor vid varje fall och knapparna "Skriv ut valda" (med eller utan
 * facit). Valet skickas till sidan för utskrift i adressens fragment (#fall=a,b&facit=ja), som
 * aldrig går till servern. På utskriftssidan kryssas de valda fallen i, och knappen skriver ut.
 * Utan skript syns inga kryssrutor på övningsfallens sida, och utskriftssidan skriver ut alla fall
 * (kryssrutorna där styr utskriften med CSS). Adressen till varje fall skrivs ut i sin helhet.
 */
(function () {
  "use strict";

  function showScriptParts(root) {
    root.querySelectorAll("[data-sv-js-only]").forEach(function (el) { el.hidden = false; });
    root.querySelectorAll("[data-sv-nojs]").forEach(function (el) { el.hidden = true; });
  }

  function fullAddresses(root) {
    root.querySelectorAll("a[data-sv-address]").forEach(function (link) {
      link.textContent = link.href;
    });
  }

  function startPicker(form) {
    if (form.getAttribute("data-sv-ready")) return;
    form.setAttribute("data-sv-ready", "1");
    showScriptParts(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = Array.prototype.map.call(form.querySelectorAll("input[name=fall]:checked"), function (box) {
        return box.value;
      });
      var facit = event.submitter && event.submitter.value === "ja" ? "ja" : "nej";
      var target = new URL(form.getAttribute("action"), window.location.href);
      target.hash = "fall=" + chosen.join(",") + "&facit=" + facit;
      window.location.assign(target.href);
    });
  }

  function readFragment() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var list = params.get("fall");
    return { chosen: list === null ? null : list.split(",").filter(Boolean), facit: params.get("facit") === "ja" };
  }

  function updateCount(root) {
    var boxes = root.querySelectorAll(".sv-case-selection__box");
    var checked = root.querySelectorAll(".sv-case-selection__box:checked").length;
    var out = root.querySelector("[data-sv-selection-count]");
    if (out) out.textContent = checked + " av " + boxes.length + " fall kommer med i utskriften.";
    var button = root.querySelector("[data-sv-print-selected]");
    if (button) button.disabled = checked === 0;
  }

  function startSelection(root) {
    if (root.getAttribute("data-sv-ready")) return;
    root.setAttribute("data-sv-ready", "1");
    var wanted = readFragment();
    if (wanted.chosen !== null) {
      root.querySelectorAll(".sv-case-selection__box").forEach(function (box) {
        box.checked = wanted.chosen.indexOf(box.value) !== -1;
      });
      var facit = root.querySelector("#sv-print-facit");
      if (facit) facit.checked = wanted.facit;
    }
    var button = root.querySelector("[data-sv-print-selected]");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    }
    root.querySelectorAll("[data-sv-nojs]").forEach(function (el) { el.hidden = true; });
    root.addEventListener("change", function () { updateCount(root); });
    updateCount(root);
  }

  function start() {
    fullAddresses(document);
    document.querySelectorAll("form[data-sv-case-pick]").forEach(startPicker);
    document.querySelectorAll("[data-sv-case-selection]").forEach(startSelection);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
