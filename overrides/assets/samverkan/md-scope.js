/*
 * Samverkansguiden: ersätter Materials inbäddade skript i partials/javascripts/base.html.
 *
 * Material definierar här sajtens bas (__md_scope) och hjälpfunktioner för att spara inställningar
 * i webbläsaren. Sajten sparar ingenting, så __md_get svarar alltid "inget sparat" och __md_set gör
 * ingenting. Skriptet ligger på assets/samverkan/, så sajtens bas är två mappar upp.
 *
 * Offlinepaketet (file://): länkar till en mapp öppnar mappens index.html, och data som skripten
 * hämtar med fetch tas ur window.SamverkansguidenData (assets/samverkan/offline-data.js).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL("../../", script ? script.src : window.location.href);
  window.__md_scope = base;
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function () { return null; };
  window.__md_set = function () {};

  /* Guidens sidor: visa rutan "mitt i guiden" redan när sidan ritas första gången, i stället för att
     skriptet skjuter ned sidan när det startar (walker.js håller klassen uppdaterad därefter). */
  var root = document.documentElement;
  root.classList.add("sv-js");
  if (!/(?:^#|&)svar=[^&]/.test(window.location.hash) && !/[?&]svar=[^&]/.test(window.location.search)) {
    root.classList.add("sv-utan-svar");
  }

  if (window.location.protocol !== "file:") return;

  /* Länkar som skripten bygger (t.ex. guidens svar) pekar på mappar: öppna mappens index.html. */
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.protocol !== "file:") return;
    var url = new URL(link.href);
    if (url.pathname.slice(-1) === "/") {
      url.pathname += "index.html";
      link.href = url.href;
    }
  }, true);

  /* Data som annars hämtas från sajten. */
  var data = window.SamverkansguidenData || {};
  var realFetch = window.fetch;
  window.fetch = function (resource) {
    var url = new URL(String(resource && resource.url ? resource.url : resource), window.location.href);
    var key = url.href.indexOf(base.href) === 0 ? url.href.slice(base.href.length) : "";
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      return Promise.resolve(new Response(JSON.stringify(data[key]), { headers: { "Content-Type": "application/json" } }));
    }
    return realFetch.apply(window, arguments);
  };
})();
