/*
 * Samverkansguiden – beslutsstödets skript.
 *
 * Progressiv förbättring: varje fråga och varje resultat är en egen statisk sida med vanliga
 * länkar. Skriptet lägger till svarshistorik i adressen (?svar=fraga.svar,...), listan
 * "Dina svar" med Ändra-länkar, en tillbakalänk, fokushantering och utskrift.
 * Inga svar sparas: inga kakor, ingen localStorage, ingenting skickas.
 */
(function () {
  "use strict";

  var LIST_SEP = ",";
  var PAIR_SEP = ".";
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function parsePairs(raw) {
    if (raw === null || raw === "") return [];
    var pairs = [];
    var parts = raw.split(LIST_SEP);
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

  function Walker(root) {
    this.root = root;
    this.tree = JSON.parse(root.querySelector(".sv-tree-data").textContent);
    this.nodeId = root.getAttribute("data-sv-node");
    this.treeRoot = root.getAttribute("data-sv-root");
    this.node = this.tree.nodes[this.nodeId];
  }

  Walker.prototype.href = function (nodeId, path, kept) {
    var query = [];
    if (path && path.length) query.push("svar=" + encodePairs(path));
    if (kept && kept.length) query.push("behall=" + encodePairs(kept));
    return this.treeRoot + nodeId + "/" + (query.length ? "?" + query.join("&") : "");
  };

  Walker.prototype.readState = function () {
    var params = new URLSearchParams(window.location.search);
    var rawPath = params.get("svar");
    var rawKept = params.get("behall");
    var path = parsePairs(rawPath);
    var kept = parsePairs(rawKept);
    var state = {
      path: path || [],
      kept: [],
      invalid: path === null || kept === null,
      restarted: params.get("omstart") === "1",
      inGuide: rawPath !== null || rawKept !== null
    };
    if (state.invalid) return state;
    if (rawPath !== null && follow(this.tree, path) !== this.nodeId) state.invalid = true;
    var tree = this.tree;
    state.kept = (kept || []).filter(function (p) { return findAnswer(tree.nodes[p.q], p.a); });
    return state;
  };

  Walker.prototype.restart = function () {
    window.location.replace(this.href(this.tree.start) + "?omstart=1");
  };

  Walker.prototype.notice = function (html, role) {
    var box = document.createElement("div");
    box.className = "sv-notice";
    if (role) box.setAttribute("role", role);
    box.innerHTML = html;
    this.root.querySelector("[data-sv-top]").appendChild(box);
    return box;
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
    this.root.querySelector("[data-sv-top]").appendChild(link);
  };

  Walker.prototype.enhanceAnswers = function (state) {
    var self = this;
    var previous = null;
    state.kept.forEach(function (p) { if (p.q === self.nodeId) previous = p.a; });
    var rest = state.kept.filter(function (p) { return p.q !== self.nodeId; });
    var links = this.root.querySelectorAll("a[data-sv-answer]");
    Array.prototype.forEach.call(links, function (link) {
      var answerId = link.getAttribute("data-sv-answer");
      var next = advance(self.tree, state.path.concat([{ q: self.nodeId, a: answerId }]), rest);
      link.href = self.href(next.node, next.path, next.kept);
      if (answerId === previous) {
        link.classList.add("sv-answer--previous");
        var mark = document.createElement("span");
        mark.className = "sv-answer__previous";
        mark.textContent = "Ditt tidigare svar";
        link.appendChild(mark);
      }
    });
  };

  Walker.prototype.renderHistory = function (state) {
    var box = this.root.querySelector("[data-sv-history]");
    if (!box || !state.path.length) return;
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
    box.appendChild(heading);
    box.appendChild(list);
    box.hidden = false;
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
    header.appendChild(title);
    header.appendChild(dl);
    if (!state.path.length) {
      var missing = document.createElement("p");
      missing.textContent = "Svaren som ledde hit är inte kända. Gå igenom guiden från början för att få med dem.";
      header.appendChild(missing);
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
      window.setTimeout(function () { live.textContent = prefix + heading.textContent; }, 150);
    }
  };

  Walker.prototype.init = function () {
    if (!this.node) return;
    var state = this.readState();
    if (state.invalid) {
      this.restart();
      return;
    }
    this.root.classList.add("sv-walker--enhanced");
    if (state.restarted) {
      this.notice(
        "<p><strong>Vi har börjat om från början.</strong> Länken du följde passade inte guiden, " +
        "kanske för att guiden har ändrats sedan länken skapades.</p>",
        "alert"
      );
      if (window.history.replaceState) {
        window.history.replaceState(window.history.state, "", this.href(this.tree.start));
      }
    } else if (!state.path.length && this.nodeId !== this.tree.start) {
      this.notice(
        "<p>Du har öppnat en sida mitt i guiden, så dina tidigare svar syns inte här. " +
        "<a href=\"" + this.href(this.tree.start) + "\">Börja från första frågan</a></p>"
      );
    }
    this.backLink(state);
    if (this.node.t === "q") this.enhanceAnswers(state);
    this.renderHistory(state);
    this.enableOutcome(state);
    if (state.inGuide || state.restarted) this.announce();
  };

  function start() {
    var roots = document.querySelectorAll(".sv-walker");
    Array.prototype.forEach.call(roots, function (root) {
      if (root.getAttribute("data-sv-ready")) return;
      root.setAttribute("data-sv-ready", "1");
      new Walker(root).init();
    });
  }

  /* Material för MkDocs byter sidor utan omladdning (instant navigation) och meddelar det via document$. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  window.Samverkansguiden = { parsePairs: parsePairs, follow: follow, advance: advance };
})();
