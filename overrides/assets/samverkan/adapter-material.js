/*
 * Samverkansguiden – adaptern mot Material for MkDocs. Sajtens övriga skript (walker.js,
 * glossary.js, districts.js, search-query.js, agreement.js, navigation.js) når temat bara genom
 * window.samverkan här. Byts temat (t.ex. mot Zensical) är det den här filen som skrivs om.
 *
 * Läses in före Materials eget skript (overrides/main.html), eftersom den kopplar in sig i tre
 * saker som Material sätter upp när dess skript startar:
 *   - bakåt/framåt (popstate): guiden kan rita en nod på plats i stället för att Material hämtar sidan;
 *   - sökindexet (search/search_index.json) hämtas först när någon öppnar sökningen, inte vid varje
 *     första besök (Material hämtar det annars direkt och skickar det till sökningens web worker);
 *   - sökfrågan på väg till sökningens worker, för den svenska omskrivningen i search-query.js.
 *
 *   samverkan.siteBase()        sajtens rot som URL (stämmer även efter snabbnavigering)
 *   samverkan.onPage(fn)        kör fn för varje ny sida (första sidan, snabbnavigering, nod på plats)
 *   samverkan.pageChanged()     meddela att sidans innehåll byttes ut på plats
 *   samverkan.onPopState(fn)    fn(event) får ta hand om bakåt/framåt; returnerar true om den gjorde det
 *   samverkan.setPageTitle(t,h) dokumentets titel och rubriken i sidhuvudet
 *   samverkan.headerBottom()    var sidhuvudet slutar (px från fönstrets överkant)
 *   samverkan.closeSearch()     stäng sökningen
 *   samverkan.adoptContent(el)  innehåll som satts in på plats behandlas som Material behandlar en sida
 *   samverkan.text(nyckel, {})  gränssnittets texter (build_tools/render/ui_text.json)
 *   samverkan.onSearch({setup, query, result})  svensk omskrivning av sökfrågan
 */
(function () {
  "use strict";
  if (window.samverkan) return;

  /* Meddelandetyperna mellan Material och sökningens worker (SearchMessageType i Material 9). */
  var SEARCH_SETUP = 0;
  var SEARCH_QUERY = 2;
  var SEARCH_RESULT = 3;

  var pageCallbacks = [];
  var popHandlers = [];
  var pageSeen = false;
  var connected = false;
  var texts = null;

  function siteBase() {
    /* md-scope.js räknar ut roten ur sin egen adress; Materials __config anger roten relativt den
       först inlästa sidan, som inte längre stämmer efter snabbnavigering. */
    if (window.__md_scope instanceof URL) return window.__md_scope;
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  /* detail.inPlace: sant när guiden bytte innehållet på plats, falskt vid en ny sida. */
  function runPage(detail) {
    pageSeen = true;
    detail = detail && detail.inPlace ? { inPlace: true } : { inPlace: false };
    pageCallbacks.slice().forEach(function (callback) {
      try {
        callback(detail);
      } catch (error) {
        window.setTimeout(function () { throw error; });
      }
    });
  }

  /* Efter att den nya noden har målats: ordlistan, stadsdelsväljaren m.fl. får inte fördröja bildrutan. */
  function pageChanged() {
    var after = function () { window.setTimeout(function () { runPage({ inPlace: true }); }, 0); };
    if (window.requestAnimationFrame) window.requestAnimationFrame(after);
    else after();
  }

  function connect() {
    if (connected) return;
    connected = true;
    var newPage = function () { runPage({ inPlace: false }); };
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(newPage);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", newPage);
    else window.setTimeout(newPage, 0);
  }

  function onPage(callback) {
    pageCallbacks.push(callback);
    if (pageSeen) callback({ inPlace: false });
    connect();
  }

  function text(key, values) {
    if (texts === null) {
      var element = document.getElementById("sv-ui-text");
      try {
        texts = element ? JSON.parse(element.textContent) : {};
      } catch (e) {
        texts = {};
      }
    }
    var value = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (!values) return value;
    return value.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function setPageTitle(title, topic) {
    if (title) document.title = title;
    var topics = document.querySelectorAll('[data-md-component="header-topic"] .md-ellipsis');
    if (topic && topics.length) topics[topics.length - 1].textContent = topic;
  }

  /* Nytt innehåll som guiden satt in på plats: adresserna skrivs fullt ut, som Material gör med
     varje sida det visar (så att länkarna fungerar även när sidans adress byts). */
  function adoptContent(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[href], [src]"), function (element) {
      ["href", "src"].some(function (name) {
        var value = element.getAttribute(name);
        if (!value || /^(?:[a-z]+:)?\/\//i.test(value)) return false;
        element[name] = element[name];
        return true;
      });
    });
  }

  /* Stäng sökningen (Materials växel #__search), t.ex. när en träff öppnas utan att Material gör det. */
  function closeSearch() {
    var toggle = document.getElementById("__search");
    if (!toggle || !toggle.checked) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /* Före Materials lyssnare (det här skriptet läses in först): den som tar hand om händelsen
     stoppar den, så att Material inte också hämtar sidan. */
  window.addEventListener("popstate", function (event) {
    for (var i = 0; i < popHandlers.length; i++) {
      if (popHandlers[i](event)) {
        event.stopImmediatePropagation();
        return;
      }
    }
  });

  /* ---- Sökningen: indexet först när sökningen öppnas ---- */
  var searchOpen = false;
  var waitingRequests = [];
  var XHR = window.XMLHttpRequest;
  if (XHR && window.location.protocol !== "file:") {
    var open = XHR.prototype.open;
    var send = XHR.prototype.send;
    XHR.prototype.open = function (method, url) {
      this.svSearchIndex = /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
      return open.apply(this, arguments);
    };
    XHR.prototype.send = function () {
      if (this.svSearchIndex && !searchOpen) {
        var request = this;
        var args = arguments;
        waitingRequests.push(function () { send.apply(request, args); });
        return undefined;
      }
      return send.apply(this, arguments);
    };
  }

  function openSearch() {
    if (searchOpen) return;
    searchOpen = true;
    waitingRequests.splice(0).forEach(function (run) { run(); });
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches('[data-md-component="search-query"]')) openSearch();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) openSearch();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('label[for="__search"], .md-search')) openSearch();
  }, true);

  /* Sökningens worker startas först när Material skickar något till den (efter indexet). Frågan
     skickas genom searchHooks.query, svaret genom searchHooks.result. */
  var searchHooks = null;
  var searchConfig = null;

  function onSearch(hooks) {
    searchHooks = hooks;
    if (searchConfig && hooks.setup) hooks.setup(searchConfig);
  }

  function rewriteOutgoing(message) {
    try {
      if (message && message.type === SEARCH_SETUP && message.data && message.data.config) {
        searchConfig = message.data.config;
        if (searchHooks && searchHooks.setup) searchHooks.setup(searchConfig);
      } else if (searchHooks && message && message.type === SEARCH_QUERY && typeof message.data === "string") {
        return { type: SEARCH_QUERY, data: searchHooks.query(message.data) };
      }
    } catch (e) {
      /* Frågan skickas som den är. */
    }
    return message;
  }

  function wrapListener(listener) {
    return function (event) {
      try {
        if (searchHooks && searchHooks.result && event.data && event.data.type === SEARCH_RESULT) {
          searchHooks.result(event.data.data);
        }
      } catch (e) {
        /* Svaret visas som det är. */
      }
      return listener.call(this, event);
    };
  }

  var NativeWorker = window.Worker;

  function LazySearchWorker(url, options) {
    /* Adressen löses mot sidan där Material skapade workern: workern startas senare, kanske efter
       snabbnavigering till en sida i en annan mapp, och då skulle en relativ adress peka fel. */
    this.url = new URL(String(url), document.baseURI).href;
    this.options = options;
    this.worker = null;
    this.listeners = [];
  }

  LazySearchWorker.prototype.real = function () {
    if (!this.worker) {
      var worker = new NativeWorker(this.url, this.options);
      this.listeners.forEach(function (entry) { worker.addEventListener(entry[0], entry[2], entry[3]); });
      this.worker = worker;
    }
    return this.worker;
  };

  LazySearchWorker.prototype.addEventListener = function (type, listener, options) {
    if (typeof listener !== "function") return;
    var wrapped = type === "message" ? wrapListener(listener) : listener;
    this.listeners.push([type, listener, wrapped, options]);
    if (this.worker) this.worker.addEventListener(type, wrapped, options);
  };

  LazySearchWorker.prototype.removeEventListener = function (type, listener, options) {
    for (var i = this.listeners.length - 1; i >= 0; i--) {
      var entry = this.listeners[i];
      if (entry[0] !== type || entry[1] !== listener) continue;
      if (this.worker) this.worker.removeEventListener(type, entry[2], options);
      this.listeners.splice(i, 1);
    }
  };

  LazySearchWorker.prototype.postMessage = function (message, transfer) {
    var worker = this.real();
    message = rewriteOutgoing(message);
    return transfer === undefined ? worker.postMessage(message) : worker.postMessage(message, transfer);
  };

  LazySearchWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate();
  };

  if (NativeWorker) {
    var Worker = function (url, options) {
      if (/\/workers\/search\.[^/]*js/.test(String(url))) return new LazySearchWorker(url, options);
      return new NativeWorker(url, options);
    };
    Worker.prototype = NativeWorker.prototype;
    window.Worker = Worker;
  }

  window.samverkan = {
    siteBase: siteBase,
    onPage: onPage,
    pageChanged: pageChanged,
    onPopState: function (handler) { popHandlers.push(handler); },
    setPageTitle: setPageTitle,
    headerBottom: headerBottom,
    closeSearch: closeSearch,
    adoptContent: adoptContent,
    text: text,
    onSearch: onSearch,
    searchOpened: function () { return searchOpen; }
  };
})();
