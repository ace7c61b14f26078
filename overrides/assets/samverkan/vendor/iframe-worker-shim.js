/* iframe-worker 1.0.4, shim/index.js (MIT, se iframe-worker-LICENSE.txt), ändrad för Samverkansguiden:
   iframen får sitt skript som en fil (iframe-worker-inner.js) i stället för ett inbäddat skript, så att
   offlinepaketets Content-Security-Policy klarar sig utan 'unsafe-inline'. Se README.md. */
"use strict";
(() => {
  var inner = new URL("iframe-worker-inner.js", document.currentScript.src).href;
  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }
  var IFrameWorker = class extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source !== this.w) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return;
        var event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      var frame = document.createElement("iframe");
      frame.hidden = true;
      document.body.appendChild((this.iframe = frame));
      this.w.document.open();
      this.w.document.write(
        `<html><body><script src="${attr(inner)}" data-worker="${attr(url)}"><\/script>` +
          `<script src="${attr(url)}?${+Date.now()}"><\/script></body></html>`
      );
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }
    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }
    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }
    get w() {
      return this.iframe.contentWindow;
    }
  };
  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
