/* iframe-worker 1.0.4 (MIT, se iframe-worker-LICENSE.txt): det som shim/index.js skrev som ett inbäddat
   skript i sin iframe, här som en fil (se iframe-worker-shim.js). Gör iframen till en "worker": postMessage
   skickar till sidan, importScripts läser in skript i tur och ordning, och fel rapporteras till sidan. */
"use strict";
(function () {
  var me = document.currentScript;
  var worker = me.getAttribute("data-worker");
  window.postMessage = function (message, target) {
    parent.postMessage(message, target || "*");
  };
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
  // Materials sökskript räknar ut var lunr ligger från det första <script src> i iframen, och det ska
  // vara sökskriptet självt, som i originalet (där det här skriptet var inbäddat och saknade src).
  me.remove();
})();
