/*
 * Samverkansguiden: ersätter Materials inbäddade skript i partials/javascripts/base.html.
 *
 * Material definierar här sajtens bas (__md_scope) och hjälpfunktioner för att spara inställningar
 * i webbläsaren. Sajten sparar ingenting, så __md_get svarar alltid "inget sparat" och __md_set gör
 * ingenting. Skriptet ligger på assets/samverkan/, så sajtens bas är två mappar upp.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  window.__md_scope = new URL("../../", script ? script.src : window.location.href);
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function () { return null; };
  window.__md_set = function () {};
})();
