/*
 * Samverkansguiden – ifyllnad av samverkansöverenskommelsen. Det som skrivs stannar i sidan:
 * inget skickas, inget sparas. Utskriften görs av en ren dokumentversion av fälten.
 */
(function () {
  "use strict";

  function init(root) {
    var data = JSON.parse(document.querySelector(".sv-fill-data").getAttribute("data-sv-json"));
    var picker = root.querySelector("[data-sv-fill-district]");
    var select = picker.querySelector("select");
    var actions = root.querySelector("[data-sv-fill-actions]");
    var documentBox = document.querySelector("[data-sv-fill-document]");
    picker.hidden = false;
    actions.hidden = false;

    select.addEventListener("change", function () {
      var values = data.districts[select.value];
      if (!values) return;
      root.querySelectorAll("[data-sv-source]").forEach(function (field) {
        var key = field.getAttribute("data-sv-source");
        if (!key || values[key] === undefined) return;
        // Skriv aldrig över det användaren själv har skrivit: fyll bara tomma eller oändrade fält.
        var untouched = field.value === "" || field.value === field.defaultValue || field.value === field.getAttribute("data-sv-prefilled");
        if (!untouched) return;
        field.value = values[key];
        field.setAttribute("data-sv-prefilled", values[key]);
      });
    });

    function buildDocument() {
      documentBox.textContent = "";
      var title = document.createElement("h1");
      title.textContent = data.title;
      documentBox.appendChild(title);
      var meta = document.createElement("p");
      meta.textContent = window.samverkan.text("mall_version", { granskad: data.reviewed, datum: new Date().toLocaleDateString("sv-SE") });
      documentBox.appendChild(meta);
      root.querySelectorAll("fieldset").forEach(function (set) {
        var heading = document.createElement("h2");
        heading.textContent = set.querySelector("legend").textContent;
        documentBox.appendChild(heading);
        set.querySelectorAll("[data-sv-field]").forEach(function (field) {
          var label = document.createElement("p");
          label.className = "sv-fill-document__label";
          label.textContent = root.querySelector('label[for="' + field.id + '"]').textContent;
          var value = document.createElement("p");
          value.className = "sv-fill-document__value";
          value.textContent = field.value.trim() || "\u00a0";
          documentBox.appendChild(label);
          documentBox.appendChild(value);
        });
      });
    }

    window.addEventListener("beforeprint", buildDocument);
    root.querySelector("[data-sv-fill-print]").addEventListener("click", function () {
      buildDocument();
      window.print();
    });
    root.setAttribute("data-sv-ready", "1");
  }

  function start() {
    var root = document.querySelector("[data-sv-fill]");
    if (root && !root.getAttribute("data-sv-ready")) init(root);
  }

  window.samverkan.onPage(start);
})();
