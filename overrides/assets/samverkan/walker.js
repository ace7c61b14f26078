/*
 * Samverkansguiden – beslutsstödets skript.
 *
 * Progressiv förbättring: varje fråga och varje resultat är en egen statisk sida med vanliga
 * länkar. Skriptet lägger till svarshistorik, listan "Dina svar" med Ändra-länkar, en
 * tillbakalänk, fokushantering och utskrift.
 *
 * Svaren står i adressens fragment (#svar=fraga.svar,...). Fragmentet skickas aldrig till
 * webbservern, så svaren hamnar inte i någon logg. Inga kakor, ingen localStorage.
 * Gamla länkar med ?svar= skrivs om till #svar= direkt, utan omladdning.
 *
 * Svar på plats: när någon svarar ritas nästa nod direkt i sidan ur guidens data (noder.json), och
 * adressen blir nodens egen. Varje nod har ändå sin egen statiska sida (utan skript, direktlänkar,
 * utskrift). Materials snabbnavigering tar hand om alla andra länkar; skriptet når Material bara
 * genom adaptern (adapter-material.js, window.samverkan), som kör start() för varje ny sida.
 */
(function () {
  "use strict";

  /* ---- Svarskoden: text i adressen <-> lista med {q, a}. En enda implementation. ---- */
  var LIST_SEP = ",";
  var PAIR_SEP = ".";
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var STATE_KEYS = ["svar", "behall", "omstart", "fall"];

  function parsePairs(raw) {
    if (raw === null || raw === undefined || raw === "") return [];
    var pairs = [];
    var parts = String(raw).split(LIST_SEP);
    for (var i = 0; i < parts.length; i++) {
      var at = parts[i].indexOf(PAIR_SEP);
      var q = parts[i].slice(0, at);
      var a = parts[i].slice(at + 1);
      if (at < 1 || !SLUG.test(q) || !SLUG.test(a)) return null;
      pairs.push({ q: q, a: a });
    }
    return pairs;
  }

  function encodePairs(pairs) {
    return pairs.map(function (p) { return p.q + PAIR_SEP + p.a; }).join(LIST_SEP);
  }

  /* Läs tillståndet ur en parametertext (fragmentet utan #, eller en gammal frågesträng utan ?). */
  function parseState(text) {
    var params = new URLSearchParams(text || "");
    var rawPath = params.get("svar");
    var rawKept = params.get("behall");
    return {
      rawPath: rawPath,
      path: parsePairs(rawPath),
      kept: parsePairs(rawKept),
      restarted: params.get("omstart") === "1",
      /* Övningsfallet man övar på (fall=<id>), eller null. Följer med i varje länk guiden bygger. */
      fall: SLUG.test(params.get("fall") || "") ? params.get("fall") : null,
      present: rawPath !== null || rawKept !== null
    };
  }

  /* Bygg fragmentet (utan #). Kommatecken och punkter står kvar som de är, så att adressen går att läsa. */
  function buildFragment(path, kept, restarted, fall) {
    var parts = ["svar=" + encodePairs(path || [])];
    if (kept && kept.length) parts.push("behall=" + encodePairs(kept));
    if (restarted) parts.push("omstart=1");
    if (fall && SLUG.test(fall)) parts.push("fall=" + fall);
    return parts.join("&");
  }

  /* Flytta svar från en gammal adress (?svar=...) till fragmentet. Returnerar ny adress eller null. */
  function migrateLegacy(search, hash) {
    var params = new URLSearchParams(search || "");
    var moved = [];
    STATE_KEYS.forEach(function (key) {
      if (params.has(key)) {
        moved.push(key + "=" + params.get(key));
        params.delete(key);
      }
    });
    if (!moved.length) return null;
    var rest = params.toString();
    var fragment = hash && hash.length > 1 ? hash.slice(1) : moved.join("&");
    return (rest ? "?" + rest : "") + "#" + fragment;
  }

  /* ---- Guidens logik: följ svaren genom trädet. ---- */
  function findAnswer(node, answerId) {
    if (!node || node.t !== "q") return null;
    for (var i = 0; i < node.answers.length; i++) {
      if (node.answers[i].id === answerId) return node.answers[i];
    }
    return null;
  }

  /* Följ svaren från start. Returnerar noden där man hamnar, eller null om vägen inte går. */
  function follow(tree, path) {
    var current = tree.start;
    for (var i = 0; i < path.length; i++) {
      if (path[i].q !== current) return null;
      var answer = findAnswer(tree.nodes[current], path[i].a);
      if (!answer) return null;
      current = answer.next;
    }
    return current;
  }

  /* Efter ett svar: hoppa över frågor som redan har ett sparat svar som fortfarande gäller. */
  function advance(tree, path, kept) {
    path = path.slice();
    kept = kept.slice();
    var current = follow(tree, path);
    for (;;) {
      var node = tree.nodes[current];
      if (!node || node.t !== "q") break;
      var index = -1;
      for (var i = 0; i < kept.length; i++) if (kept[i].q === current) index = i;
      if (index < 0) break;
      var pair = kept.splice(index, 1)[0];
      var answer = findAnswer(node, pair.a);
      if (!answer) break;
      path.push(pair);
      current = answer.next;
    }
    return { node: current, path: path, kept: kept };
  }

  /* Tillståndet för en sida: giltigt eller inte, och vilka svar som hör till den. */
  function resolveState(tree, nodeId, parsed) {
    var state = {
      path: parsed.path || [],
      kept: [],
      invalid: parsed.path === null || parsed.kept === null,
      restarted: parsed.restarted,
      fall: parsed.fall || null,
      inGuide: parsed.present
    };
    if (state.invalid) return state;
    if (parsed.rawPath !== null && follow(tree, state.path) !== nodeId) state.invalid = true;
    state.kept = (parsed.kept || []).filter(function (p) { return findAnswer(tree.nodes[p.q], p.a); });
    return state;
  }

  /* ---- Sidan ---- */
  var T = function (key, values) { return window.samverkan ? window.samverkan.text(key, values) : key; };

  var announceTimer = null;

  /* Trädet läses en gång per guide (samma data står i varje nodsida). */
  var parsedTrees = {};
  function treeOf(element) {
    var text = element.getAttribute("data-sv-json");
    if (parsedTrees.text !== text) parsedTrees = { text: text, tree: JSON.parse(text) };
    return parsedTrees.tree;
  }

  function treeData(root) {
    var scope = root.parentNode || document;
    return scope.querySelector(".sv-tree-data") || document.querySelector(".sv-tree-data");
  }

  /* place: elementet som roten ska ersätta, när roten byggs utanför sidan (svar på plats). */
  function Walker(root, place) {
    this.root = root;
    this.tree = treeOf(treeData(place || root));
    this.nodeId = root.getAttribute("data-sv-node");
    this.treeRoot = root.getAttribute("data-sv-root");
    this.casesRoot = root.getAttribute("data-sv-cases");
    this.node = this.tree.nodes[this.nodeId];
    this.fall = null;
    /* Adressen till nodens sida (utan fragment), räknad från sidan själv. */
    this.treeBase = new URL(this.treeRoot, window.location.href);
    this.pagePath = new URL(this.nodeId + "/", this.treeBase).pathname;
  }

  Walker.prototype.href = function (nodeId, path, kept, restarted) {
    return this.treeRoot + nodeId + "/#" + buildFragment(path, kept, restarted, this.fall);
  };

  /* Övningsfallet: en länk tillbaka till fallet, med svaren, så att fallsidan kan jämföra dem. */
  Walker.prototype.caseLink = function (state) {
    if (!this.fall || !this.casesRoot) return;
    var box = document.createElement("p");
    box.className = "sv-case-return";
    var link = document.createElement("a");
    link.className = this.node.t === "o" ? "md-button md-button--primary" : "";
    link.href = this.casesRoot + this.fall + "/#" + buildFragment(state.path, [], false, null);
    link.setAttribute("data-sv-case-return", "");
    link.textContent = this.node.t === "o" ? T("walker_tillbaka_till_fallet") : T("walker_avbryt_till_fallet");
    box.appendChild(link);
    this.add(this.root.querySelector("[data-sv-top]"), box);
  };

  Walker.prototype.add = function (container, element) {
    element.setAttribute("data-sv-dynamic", "");
    container.appendChild(element);
    return element;
  };

  Walker.prototype.notice = function (text, role) {
    var box = document.createElement("div");
    box.className = "sv-notice";
    if (role) box.setAttribute("role", role);
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(text));
    box.appendChild(p);
    return this.add(this.root.querySelector("[data-sv-top]"), box);
  };

  Walker.prototype.backLink = function (state) {
    var target;
    var path = state.path;
    if (path.length) {
      var last = path[path.length - 1];
      target = this.href(last.q, path.slice(0, -1), [last].concat(state.kept));
    } else if (this.nodeId === this.tree.start) {
      target = this.treeRoot;
    } else {
      return;
    }
    var link = document.createElement("a");
    link.className = "sv-back";
    link.href = target;
    link.textContent = T("walker_tillbaka");
    link.setAttribute("data-sv-back", "");
    this.add(this.root.querySelector("[data-sv-top]"), link);
  };

  Walker.prototype.enhanceAnswers = function (state) {
    var self = this;
    var previous = null;
    state.kept.forEach(function (p) { if (p.q === self.nodeId) previous = p.a; });
    var rest = state.kept.filter(function (p) { return p.q !== self.nodeId; });
    var links = this.root.querySelectorAll("a[data-sv-answer]");
    /* Mitt i guiden utan kända svar (t.ex. en bokmärkt fråga): behåll de vanliga länkarna. */
    if (follow(this.tree, state.path) !== this.nodeId) return;
    Array.prototype.forEach.call(links, function (link) {
      var answerId = link.getAttribute("data-sv-answer");
      var next = advance(self.tree, state.path.concat([{ q: self.nodeId, a: answerId }]), rest);
      link.href = self.href(next.node, next.path, next.kept);
      link.classList.toggle("sv-answer--previous", answerId === previous);
      if (answerId === previous) {
        var mark = document.createElement("span");
        mark.className = "sv-answer__previous";
        mark.textContent = T("walker_ditt_tidigare_svar");
        self.add(link, mark);
      }
    });
  };

  Walker.prototype.restartLinks = function () {
    var target = this.href(this.tree.start, []);
    Array.prototype.forEach.call(this.root.querySelectorAll("a[data-sv-restart]"), function (link) {
      link.href = target;
    });
  };

  Walker.prototype.historyRow = function (state, pair, index) {
    var question = this.tree.nodes[pair.q];
    var answer = findAnswer(question, pair.a);
    var row = el("div", "sv-summary__row");
    row.appendChild(el("dt", "sv-summary__question", question.text));
    row.appendChild(el("dd", "sv-summary__answer", answer.label));
    var action = el("dd", "sv-summary__action");
    var change = document.createElement("a");
    change.href = this.href(pair.q, state.path.slice(0, index), state.path.slice(index).concat(state.kept));
    change.setAttribute("data-sv-change", pair.q);
    change.appendChild(document.createTextNode(T("walker_andra")));
    change.appendChild(el("span", "sv-visually-hidden", T("walker_andra_dolt", { fraga: question.text })));
    action.appendChild(change);
    row.appendChild(action);
    return row;
  };

  Walker.prototype.renderHistory = function (state) {
    var box = this.root.querySelector("[data-sv-history]");
    if (!box) return;
    box.hidden = !state.path.length;
    if (!state.path.length) return;
    var heading = el("h2", "", T("walker_dina_svar"));
    heading.id = "dina-svar";
    var list = el("dl", "sv-summary");
    state.path.forEach(function (pair, index) { list.appendChild(this.historyRow(state, pair, index)); }, this);
    this.add(box, heading);
    this.add(box, list);
  };

  Walker.prototype.enableOutcome = function (state) {
    if (this.node.t !== "o") return;
    var actions = this.root.querySelector("[data-sv-actions]");
    var button = el("button", "md-button md-button--primary sv-print-button", T("walker_skriv_ut"));
    button.type = "button";
    button.addEventListener("click", function () { window.print(); });
    var wrapper = document.createElement("p");
    wrapper.appendChild(button);
    wrapper.setAttribute("data-sv-dynamic", "");
    actions.insertBefore(wrapper, actions.firstChild);

    var header = this.root.querySelector("[data-sv-print-header]");
    var lines = [
      [T("walker_utskrift_guide"), this.tree.title],
      [T("walker_utskrift_version"), this.tree.reviewed],
      [T("walker_utskrift_datum"), new Date().toLocaleDateString("sv-SE")]
    ];
    var dl = document.createElement("dl");
    lines.forEach(function (pair) {
      dl.appendChild(el("dt", "", pair[0]));
      dl.appendChild(el("dd", "", pair[1]));
    });
    this.add(header, el("p", "sv-print-header__title", T("walker_utskrift_rubrik")));
    this.add(header, dl);
    if (!state.path.length) this.add(header, el("p", "", T("walker_utskrift_okanda_svar")));
    header.hidden = false;
  };

  /* Rubriken helt synlig under sidhuvudet, med guidens övre rad (Tillbaka, guidens namn) om den får plats. */
  Walker.prototype.reveal = function () {
    var heading = this.root.querySelector("h1");
    if (!heading) return;
    var header = window.samverkan ? window.samverkan.headerBottom() : 0;
    var top = this.root.getBoundingClientRect().top;
    var box = heading.getBoundingClientRect();
    if (top >= header && box.bottom <= window.innerHeight) return;
    var margin = 8;
    var target = box.bottom - top + header + margin <= window.innerHeight ? top : box.top;
    window.scrollTo(0, Math.max(0, window.pageYOffset + target - header - margin));
  };

  /* inPlace: noden ritades på plats och sidan står redan överst (show), så ingen mätning behövs. */
  Walker.prototype.announce = function (inPlace) {
    var heading = this.root.querySelector("h1");
    var live = document.querySelector("[data-sv-live]");
    if (!heading) return;
    heading.focus({ preventScroll: true });
    if (!inPlace) this.reveal();
    if (live) {
      var key = this.node.t === "o" ? "walker_upplasning_resultat" : "walker_upplasning_fraga";
      var message = T(key, { rubrik: heading.textContent });
      /* Statusraden står kvar mellan noder som ritas på plats: en äldre uppläsning som inte hunnit
         skrivas får inte skriva över den nya. */
      live.textContent = "";
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(function () { live.textContent = message; }, 150);
    }
  };

  /* Ta bort allt skriptet lagt till, så att sidan kan ritas om när fragmentet ändras. */
  Walker.prototype.reset = function () {
    Array.prototype.forEach.call(this.root.querySelectorAll("[data-sv-dynamic]"), function (element) {
      element.parentNode.removeChild(element);
    });
    var header = this.root.querySelector("[data-sv-print-header]");
    if (header) header.hidden = true;
  };

  Walker.prototype.render = function () {
    this.reset();
    this.renderedHash = window.location.hash;
    var state = resolveState(this.tree, this.nodeId, parseState(window.location.hash.slice(1)));
    this.fall = state.fall;
    if (state.invalid) {
      /* Ogiltigt tillstånd (t.ex. en gammal länk efter att guiden ändrats): börja om med ett meddelande. */
      window.location.replace(this.href(this.tree.start, [], [], true));
      return false;
    }
    this.root.classList.add("sv-walker--enhanced");
    document.documentElement.classList.toggle("sv-utan-svar", !state.path.length && !state.restarted);
    if (state.restarted) {
      this.notice(T("walker_omstart"), "alert");
      if (window.history.replaceState) {
        window.history.replaceState(window.history.state, "", "#" + buildFragment([], [], false, this.fall));
        this.renderedHash = window.location.hash;
      }
    }
    this.backLink(state);
    this.caseLink(state);
    this.restartLinks();
    if (this.node.t === "q") this.enhanceAnswers(state);
    this.renderHistory(state);
    this.enableOutcome(state);
    return state.inGuide || state.restarted;
  };

  /* Returnerar om rubriken ska få fokus och läsas upp (announce). */
  Walker.prototype.init = function () {
    if (!this.node) return false;
    this.root.setAttribute("data-sv-ready", "1");
    return this.render();
  };

  /* ---- Svar på plats: nästa nod ritas ur guidens data (noder.json), utan att sidan hämtas ----
     Filen har varje nods ruta precis som på nodens egen sida (build_tools/adapters/node_data.py) och
     hämtas en gång per guide när sidan är klar. Adressen byts med history.pushState till nodens egen
     adress, med svaren i fragmentet, så att omladdning, bokmärken, utskrift och bakåt/framåt ger samma
     sida. Finns inte datan (t.ex. från file:// eller om hämtningen misslyckas) går länkarna som vanligt. */
  var current = null;
  var nodeData = {};

  function loadNodes(walker) {
    if (window.location.protocol === "file:") return;
    var url = new URL("noder.json", walker.treeBase).href;
    if (nodeData[url]) return;
    nodeData[url] = { data: null };
    var later = window.requestIdleCallback || function (fn) { window.setTimeout(fn, 200); };
    later(function () {
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { nodeData[url].data = data; })
        .catch(function () { delete nodeData[url]; });
    });
  }

  function dataFor(walker) {
    var entry = nodeData[new URL("noder.json", walker.treeBase).href];
    return entry && entry.data && entry.data.tree === walker.tree.id ? entry.data : null;
  }

  /* Noden som en adress pekar på, om den hör till guiden som visas och finns i datan. */
  function nodeAt(url) {
    if (!current || !document.body.contains(current.root)) return null;
    var data = dataFor(current);
    var base = current.treeBase;
    if (!data || url.origin !== base.origin || url.search !== window.location.search) return null;
    if (url.pathname.indexOf(base.pathname) !== 0) return null;
    var rest = url.pathname.slice(base.pathname.length);
    var id = rest.slice(-1) === "/" ? rest.slice(0, -1) : null;
    return id && SLUG.test(id) && data.nodes[id] ? id : null;
  }

  /* Tiden i skriptet för en nod på plats syns i webbläsarens prestandaverktyg (User Timing,
     "sv-nod-pa-plats"); scripts/site_benchmark.py läser den.
     Noden byggs färdigt utanför sidan (adresser, svarslänkar, "Dina svar") och sätts in med en enda
     ändring. Sidan rullas upp först, innan något ändrats (då behöver webbläsaren inte räkna om
     layouten för att rulla). Fokus på rubriken räknar stil och layout för den nya noden en gång;
     bildrutan behöver sedan inte göra om det. */
  function show(nodeId) {
    var began = window.performance && performance.now ? performance.now() : 0;
    window.scrollTo(0, 0);
    var entry = dataFor(current).nodes[nodeId];
    var template = document.createElement("template");
    template.innerHTML = entry.html;
    var fresh = document.importNode(template.content.firstElementChild, true);
    if (window.samverkan) window.samverkan.adoptContent(fresh);
    var walker = new Walker(fresh, current.root);
    var announce = walker.node ? walker.init() : false;
    current.root.parentNode.replaceChild(fresh, current.root);
    if (window.samverkan) window.samverkan.setPageTitle(entry.title, entry.topic);
    if (walker.node) {
      current = walker;
      if (announce) walker.announce(true);
      loadNodes(walker);
    }
    if (window.samverkan) window.samverkan.pageChanged();
    if (began && performance.measure) {
      try {
        performance.measure("sv-nod-pa-plats", { start: began, end: performance.now() });
      } catch (e) {
        /* Äldre webbläsare: ingen mätpunkt. */
      }
    }
  }

  function refresh() {
    if (!current || window.location.hash === current.renderedHash) return;
    if (current.render()) current.announce();
  }

  function startWalker(root) {
    var walker = new Walker(root);
    if (!walker.node) return;
    current = walker;
    if (walker.init()) walker.announce();
    loadNodes(walker);
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !current || !document.body.contains(current.root) || link.target || link.hasAttribute("download")) return;
    var target = new URL(link.href, window.location.href);
    var samePage = target.origin === window.location.origin && target.pathname === window.location.pathname &&
      target.search === window.location.search;
    /* En länk till samma sida med ett annat fragment (Börja om på första frågan): byt fragment och
       rita om här. Annars tar snabbnavigeringen hand om klicket som ett hopp inom sidan. */
    if (samePage && current.root.contains(link)) {
      event.preventDefault();
      event.stopPropagation();
      if (target.hash !== window.location.hash) window.history.pushState(null, "", target.hash || "#");
      refresh();
      return;
    }
    var nodeId = samePage ? null : nodeAt(target);
    if (!nodeId) return;
    event.preventDefault();
    event.stopPropagation();
    if (window.samverkan && !current.root.contains(link)) window.samverkan.closeSearch();
    window.history.pushState(null, "", target.href);
    show(nodeId);
  }

  function onPopState() {
    var nodeId = nodeAt(new URL(window.location.href));
    if (!nodeId) return false;
    if (nodeId === current.nodeId) refresh();
    else show(nodeId);
    return true;
  }

  document.addEventListener("click", onClick, true);
  window.addEventListener("hashchange", function () {
    if (current && document.body.contains(current.root) && window.location.pathname === current.pagePath) refresh();
  });
  if (window.samverkan) window.samverkan.onPopState(onPopState);

  /* ---- Övningsfallets sida: deltagarens svar (ur fragmentet) bredvid förslaget. ---- */
  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function compareCase(root) {
    var box = root.querySelector("[data-sv-compare]");
    var data = root.querySelector(".sv-tree-data");
    if (!box || !data) return;
    box.textContent = "";
    box.hidden = true;
    var parsed = parseState(window.location.hash.slice(1));
    if (!parsed.path || !parsed.path.length) return;
    var tree = JSON.parse(data.getAttribute("data-sv-json"));
    var suggested = parsePairs(root.getAttribute("data-sv-suggested")) || [];
    var whyNot = JSON.parse(root.getAttribute("data-sv-why-not") || "{}");
    var reached = follow(tree, parsed.path);
    if (reached === null) return;
    var chosen = {};
    parsed.path.forEach(function (p) { chosen[p.q] = p.a; });
    var heading = el("h3", "", T("fall_jamfort_rubrik"));
    heading.id = "dina-svar-jamfort";
    heading.tabIndex = -1;
    box.appendChild(heading);
    var differ = 0;
    var list = el("dl", "sv-summary sv-compare");
    var questions = [];
    parsed.path.concat(suggested).forEach(function (p) { if (questions.indexOf(p.q) < 0) questions.push(p.q); });
    questions.forEach(function (q) {
      var question = tree.nodes[q];
      var mine = findAnswer(question, chosen[q]);
      var proposal = null;
      suggested.forEach(function (p) { if (p.q === q) proposal = findAnswer(question, p.a); });
      var same = mine && proposal && mine.id === proposal.id;
      if (!same) differ += 1;
      var row = el("div", "sv-summary__row sv-compare__row " + (same ? "sv-compare--same" : "sv-compare--differ"));
      row.appendChild(el("dt", "sv-summary__question", question.text));
      var answers = el("dd", "sv-summary__answer");
      answers.appendChild(el("span", "sv-compare__mine", T("fall_ditt_svar", { svar: mine ? mine.label : T("fall_kom_inte_upp") })));
      answers.appendChild(el("span", "sv-compare__proposal", T("fall_forslaget", { svar: proposal ? proposal.label : T("fall_kommer_inte_upp") })));
      if (mine && !same && whyNot[q] && whyNot[q][mine.id]) {
        answers.appendChild(el("span", "sv-compare__why", T("fall_varfor_inte", { svar: mine.label, forklaring: whyNot[q][mine.id] })));
      }
      row.appendChild(answers);
      row.appendChild(el("dd", "sv-compare__verdict", same ? T("fall_samma") : T("fall_annat")));
      list.appendChild(row);
    });
    var outcomeId = root.getAttribute("data-sv-outcome");
    var sameOutcome = reached === outcomeId;
    var summary = el("p", "sv-compare__summary");
    if (sameOutcome && !differ) summary.textContent = T("fall_lika");
    else if (sameOutcome) summary.textContent = T(differ === 1 ? "fall_samma_resultat_en" : "fall_samma_resultat_flera", { antal: differ });
    else summary.textContent = T("fall_annat_resultat");
    box.appendChild(summary);
    box.appendChild(list);
    var outcomes = el("p", "sv-compare__outcomes");
    outcomes.appendChild(el("span", "", T("fall_ditt_resultat", { resultat: tree.nodes[reached] ? tree.nodes[reached].text : T("fall_inget_resultat") })));
    outcomes.appendChild(el("span", "", T("fall_forslagets_resultat", { resultat: tree.nodes[outcomeId].text })));
    box.appendChild(outcomes);
    var again = el("a", "", T("fall_igen"));
    again.href = root.getAttribute("data-sv-root") + tree.start + "/#" + buildFragment([], [], false, root.getAttribute("data-sv-case"));
    var againBox = el("p");
    againBox.appendChild(again);
    box.appendChild(againBox);
    box.hidden = false;
    heading.focus();
  }

  function startCases() {
    Array.prototype.forEach.call(document.querySelectorAll(".sv-case[data-sv-case]"), function (root) {
      if (root.getAttribute("data-sv-ready")) return;
      root.setAttribute("data-sv-ready", "1");
      compareCase(root);
      var onHash = function () {
        if (!document.body.contains(root)) { window.removeEventListener("hashchange", onHash); return; }
        compareCase(root);
      };
      window.addEventListener("hashchange", onHash);
    });
  }

  function start() {
    startCases();
    var legacy = migrateLegacy(window.location.search, window.location.hash);
    if (legacy !== null && window.history.replaceState) {
      window.history.replaceState(window.history.state, "", window.location.pathname + legacy);
    }
    var root = document.querySelector(".sv-walker:not([data-sv-ready])");
    if (root) startWalker(root);
  }

  window.Samverkansguiden = {
    parsePairs: parsePairs,
    encodePairs: encodePairs,
    parseState: parseState,
    buildFragment: buildFragment,
    migrateLegacy: migrateLegacy,
    resolveState: resolveState,
    follow: follow,
    advance: advance
  };

  if (window.samverkan) window.samverkan.onPage(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
