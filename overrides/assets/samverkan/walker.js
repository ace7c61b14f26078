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
 * Materials snabbnavigering (navigation.instant) byter sida utan omladdning och meddelar det
 * via document$; då körs start() igen för den nya sidan.
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
  function Walker(root) {
    this.root = root;
    this.tree = JSON.parse(root.querySelector(".sv-tree-data").getAttribute("data-sv-json"));
    this.nodeId = root.getAttribute("data-sv-node");
    this.treeRoot = root.getAttribute("data-sv-root");
    this.casesRoot = root.getAttribute("data-sv-cases");
    this.node = this.tree.nodes[this.nodeId];
    this.fall = null;
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
    link.textContent = this.node.t === "o" ? "Tillbaka till övningsfallet" : "Avbryt och gå tillbaka till övningsfallet";
    box.appendChild(link);
    this.add(this.root.querySelector("[data-sv-top]"), box);
  };

  Walker.prototype.add = function (container, element) {
    element.setAttribute("data-sv-dynamic", "");
    container.appendChild(element);
    return element;
  };

  Walker.prototype.notice = function (text, linkText, linkHref, role) {
    var box = document.createElement("div");
    box.className = "sv-notice";
    if (role) box.setAttribute("role", role);
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(text));
    if (linkText) {
      p.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.href = linkHref;
      a.textContent = linkText;
      p.appendChild(a);
    }
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
    link.textContent = "Tillbaka";
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
        mark.textContent = "Ditt tidigare svar";
        self.add(link, mark);
      }
    });
  };

  /* Hämta nästa frågas sida i förväg (adressen utan svaren: fragmentet skickas aldrig), så att
     sidbytet inte väntar på nätet. Alla svarsalternativ hämtas, så servern ser inte vad någon valde. */
  var prefetched = {};
  Walker.prototype.prefetch = function () {
    if (window.location.protocol === "file:") return;
    var links = this.root.querySelectorAll("a[data-sv-answer]");
    var later = window.requestIdleCallback || function (fn) { window.setTimeout(fn, 50); };
    later(function () {
      Array.prototype.forEach.call(links, function (link) {
        var url = link.href.split("#")[0];
        if (prefetched[url]) return;
        prefetched[url] = true;
        var hint = document.createElement("link");
        hint.rel = "prefetch";
        hint.href = url;
        document.head.appendChild(hint);
      });
    });
  };

  Walker.prototype.restartLinks = function () {
    var target = this.href(this.tree.start, []);
    Array.prototype.forEach.call(this.root.querySelectorAll("a[data-sv-restart]"), function (link) {
      link.href = target;
    });
  };

  Walker.prototype.renderHistory = function (state) {
    var box = this.root.querySelector("[data-sv-history]");
    if (!box) return;
    box.hidden = !state.path.length;
    if (!state.path.length) return;
    var self = this;
    var heading = document.createElement("h2");
    heading.id = "dina-svar";
    heading.textContent = "Dina svar";
    var list = document.createElement("dl");
    list.className = "sv-summary";
    state.path.forEach(function (pair, index) {
      var question = self.tree.nodes[pair.q];
      var answer = findAnswer(question, pair.a);
      var row = document.createElement("div");
      row.className = "sv-summary__row";
      var dt = document.createElement("dt");
      dt.className = "sv-summary__question";
      dt.textContent = question.text;
      var dd = document.createElement("dd");
      dd.className = "sv-summary__answer";
      dd.textContent = answer.label;
      var action = document.createElement("dd");
      action.className = "sv-summary__action";
      var change = document.createElement("a");
      change.href = self.href(pair.q, state.path.slice(0, index), state.path.slice(index).concat(state.kept));
      change.setAttribute("data-sv-change", pair.q);
      change.appendChild(document.createTextNode("Ändra"));
      var hidden = document.createElement("span");
      hidden.className = "sv-visually-hidden";
      hidden.textContent = " svaret på frågan: " + question.text;
      change.appendChild(hidden);
      action.appendChild(change);
      row.appendChild(dt);
      row.appendChild(dd);
      row.appendChild(action);
      list.appendChild(row);
    });
    this.add(box, heading);
    this.add(box, list);
  };

  Walker.prototype.enableOutcome = function (state) {
    if (this.node.t !== "o") return;
    var actions = this.root.querySelector("[data-sv-actions]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary sv-print-button";
    button.textContent = "Skriv ut / spara som PDF";
    button.addEventListener("click", function () { window.print(); });
    var wrapper = document.createElement("p");
    wrapper.appendChild(button);
    wrapper.setAttribute("data-sv-dynamic", "");
    actions.insertBefore(wrapper, actions.firstChild);

    var header = this.root.querySelector("[data-sv-print-header]");
    var today = new Date().toLocaleDateString("sv-SE");
    var lines = [
      ["Guide", this.tree.title],
      ["Guidens version (granskad)", this.tree.reviewed],
      ["Utskriven", today]
    ];
    var dl = document.createElement("dl");
    lines.forEach(function (pair) {
      var dt = document.createElement("dt");
      dt.textContent = pair[0];
      var dd = document.createElement("dd");
      dd.textContent = pair[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    var title = document.createElement("p");
    title.className = "sv-print-header__title";
    title.textContent = "Samverkansguiden – underlag för hur beslutet togs";
    this.add(header, title);
    this.add(header, dl);
    if (!state.path.length) {
      var missing = document.createElement("p");
      missing.textContent = "Svaren som ledde hit är inte kända. Gå igenom guiden från början för att få med dem.";
      this.add(header, missing);
    }
    header.hidden = false;
  };

  Walker.prototype.announce = function () {
    var heading = this.root.querySelector("h1");
    var live = this.root.querySelector("[data-sv-live]");
    if (!heading) return;
    heading.focus({ preventScroll: false });
    if (live) {
      var prefix = this.node.t === "o" ? "Resultat: " : "Fråga: ";
      live.textContent = "";
      window.setTimeout(function () { live.textContent = prefix + heading.textContent; }, 150);
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
    if (state.restarted) {
      this.notice(
        "Vi har börjat om från början. Länken du följde passade inte guiden, kanske för att guiden har ändrats sedan länken skapades.",
        null, null, "alert"
      );
      if (window.history.replaceState) {
        window.history.replaceState(window.history.state, "", "#" + buildFragment([], [], false, this.fall));
        this.renderedHash = window.location.hash;
      }
    } else if (!state.path.length && this.nodeId !== this.tree.start) {
      this.notice(
        "Du har öppnat en sida mitt i guiden, så dina tidigare svar syns inte här.",
        "Börja från första frågan", this.href(this.tree.start, [])
      );
    }
    this.backLink(state);
    this.caseLink(state);
    this.restartLinks();
    if (this.node.t === "q") {
      this.enhanceAnswers(state);
      this.prefetch();
    }
    this.renderHistory(state);
    this.enableOutcome(state);
    return state.inGuide || state.restarted;
  };

  Walker.prototype.init = function () {
    if (!this.node) return;
    var self = this;
    if (this.render()) this.announce();
    /* Samma sida med ett annat fragment (t.ex. Börja om på första frågan): rita om. */
    this.onHash = function () {
      if (!document.body.contains(self.root)) {
        window.removeEventListener("hashchange", self.onHash);
        return;
      }
      if (window.location.hash === self.renderedHash) return;
      if (self.render()) self.announce();
    };
    window.addEventListener("hashchange", this.onHash);
    /* En länk till samma sida med ett annat fragment (Börja om på första frågan): byt fragment och
       rita om här. Annars tar snabbnavigeringen hand om klicket som ett hopp inom sidan, utan att
       skriptet får veta något. */
    this.root.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      var target = new URL(link.href, window.location.href);
      if (target.origin !== window.location.origin || target.pathname !== window.location.pathname) return;
      if (target.search !== window.location.search) return;
      event.preventDefault();
      event.stopPropagation();
      if (target.hash !== window.location.hash) {
        window.history.pushState(window.history.state, "", target.hash || "#");
      }
      self.onHash();
    }, true);
  };

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
    var heading = el("h3", "", "Dina svar jämförda med förslaget");
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
      answers.appendChild(el("span", "sv-compare__mine", "Ditt svar: " + (mine ? mine.label : "frågan kom inte upp")));
      answers.appendChild(el("span", "sv-compare__proposal", "Förslaget: " + (proposal ? proposal.label : "frågan kommer inte upp")));
      if (mine && !same && whyNot[q] && whyNot[q][mine.id]) {
        answers.appendChild(el("span", "sv-compare__why", "Varför inte ”" + mine.label + "”? " + whyNot[q][mine.id]));
      }
      row.appendChild(answers);
      row.appendChild(el("dd", "sv-compare__verdict", same ? "Samma som förslaget" : "Annat än förslaget"));
      list.appendChild(row);
    });
    var outcomeId = root.getAttribute("data-sv-outcome");
    var sameOutcome = reached === outcomeId;
    var summary = el("p", "sv-compare__summary");
    summary.textContent = sameOutcome && !differ
      ? "Du svarade som förslaget och kom till samma resultat."
      : (sameOutcome ? "Du kom till samma resultat, men svarade annorlunda på " + differ + " fråga" + (differ === 1 ? "" : "r") + "."
        : "Du kom till ett annat resultat än förslaget. Skillnaderna är markerade nedan.");
    box.appendChild(summary);
    box.appendChild(list);
    var outcomes = el("p", "sv-compare__outcomes");
    outcomes.appendChild(el("span", "", "Ditt resultat: " + (tree.nodes[reached] ? tree.nodes[reached].text : "inget än (du avbröt)") + ". "));
    outcomes.appendChild(el("span", "", "Förslagets resultat: " + tree.nodes[outcomeId].text + "."));
    box.appendChild(outcomes);
    var again = el("a", "", "Pröva fallet igen från början");
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
    var roots = document.querySelectorAll(".sv-walker");
    Array.prototype.forEach.call(roots, function (root) {
      if (root.getAttribute("data-sv-ready")) return;
      root.setAttribute("data-sv-ready", "1");
      new Walker(root).init();
    });
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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  /* Snabbare sidbyte: starta så fort snabbnavigeringen har satt in den nya sidan, i stället för att
     vänta på document$ (som kommer när Material är klart med allt annat). start() gör inget två gånger. */
  if (window.MutationObserver && document.body) {
    new MutationObserver(function () {
      if (document.querySelector(".sv-walker:not([data-sv-ready])")) start();
    }).observe(document.body, { childList: true, subtree: true });
  }
})();
