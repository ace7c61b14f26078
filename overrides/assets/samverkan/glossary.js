/*
 * Samverkansguiden – ordlistan som tips. Första gången ett ord ur ordlistan står på en sida blir
 * det en knapp som visar förklaringen när man pekar på den, tabbar till den eller trycker på den.
 * Esc stänger. Förklaringen är kopplad med aria-describedby, så skärmläsare läser upp den.
 * Utan skript finns samma förklaringar på sidan Ordlista.
 */
(function () {
  "use strict";

  var SKIP = "h1,h2,h3,h4,h5,h6,a,button,code,pre,script,style,label,legend,summary,select,option,textarea,input,abbr,.sv-term,.sv-answers,.md-search,.md-nav,.md-header,.md-footer,[data-sv-no-terms],.sv-tree-data,.sv-district-data,.sv-fill-data,[aria-live],[role=status],[role=alert],.sv-visually-hidden";
  var termsPromise = null;
  var counter = 0;

  function loadTerms() {
    if (!termsPromise) {
      termsPromise = fetch(new URL("ordlista/termer.json", window.samverkan.siteBase()).href)
        .then(function (r) { return r.json(); })
        .catch(function () { return []; });
    }
    return termsPromise;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function patternFor(word) {
    var isAbbreviation = word === word.toUpperCase();
    return new RegExp("(?<![\\p{L}\\p{N}])" + escapeRegExp(word) + "(?![\\p{L}\\p{N}])", isAbbreviation ? "u" : "iu");
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (!node.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
        var parent = node.parentElement;
        if (!parent || parent.closest(SKIP)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  /* Visa tipset och flytta det åt vänster om det annars skulle gå utanför fönstret (WCAG 1.4.10).
     Förskjutningen sätts med CSSOM, inte med ett style-attribut, så den tillåts av sidans CSP. */
  function show(wrapper) {
    var tip = wrapper.querySelector(".sv-term__tip");
    tip.hidden = false;
    wrapper.querySelector(".sv-term__trigger").setAttribute("aria-expanded", "true");
    tip.style.left = "0px";
    var box = tip.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var shift = Math.min(0, width - 8 - box.right);
    if (box.left + shift < 8) shift = 8 - box.left;
    tip.style.left = shift + "px";
  }

  function hide(wrapper) {
    wrapper.querySelector(".sv-term__tip").hidden = true;
    wrapper.querySelector(".sv-term__trigger").setAttribute("aria-expanded", "false");
  }

  function makeTerm(text, entry) {
    counter += 1;
    var id = "sv-term-tip-" + counter;
    var wrapper = document.createElement("span");
    wrapper.className = "sv-term";
    var trigger = document.createElement("button");
    trigger.type = "button";
    trigger.className = "sv-term__trigger";
    trigger.setAttribute("aria-describedby", id);
    trigger.setAttribute("aria-expanded", "false");
    trigger.textContent = text;
    var tip = document.createElement("span");
    tip.className = "sv-term__tip";
    tip.id = id;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.textContent = entry.t + (entry.e ? " (" + entry.e + ")" : "") + ": " + entry.x;
    wrapper.appendChild(trigger);
    wrapper.appendChild(tip);
    /* Ett tryck ger först fokus och sedan klick. Klicket strax efter att fokus öppnade tipset ska
       inte stänga det igen (annars stängs tipset direkt på pekskärmar). */
    var openedAt = 0;
    trigger.addEventListener("focus", function () {
      if (tip.hidden) openedAt = Date.now();
      show(wrapper);
    });
    trigger.addEventListener("blur", function () { hide(wrapper); });
    trigger.addEventListener("click", function () {
      if (tip.hidden) show(wrapper);
      else if (Date.now() - openedAt > 400) hide(wrapper);
    });
    wrapper.addEventListener("mouseenter", function () { show(wrapper); });
    wrapper.addEventListener("mouseleave", function () {
      if (document.activeElement !== trigger) hide(wrapper);
    });
    return wrapper;
  }

  /* Orden att leta efter, längst först (ett längre ord vinner över ett kortare inuti det). */
  function wordList(terms) {
    var words = [];
    terms.forEach(function (entry) {
      [entry.t].concat(entry.f || []).forEach(function (word) { words.push({ word: word, entry: entry }); });
    });
    words.sort(function (a, b) { return b.word.length - a.word.length; });
    return words;
  }

  /* Första förekomsten av ordet i textnoderna blir ett tips. Textnoden delas, och delarna före och
     efter ordet står kvar i listan, så att listan bara behöver byggas en gång. */
  function markWord(nodes, item) {
    var pattern = patternFor(item.word);
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var found = pattern.exec(node.nodeValue);
      if (!found) continue;
      var after = node.splitText(found.index);
      after.nodeValue = after.nodeValue.slice(found[0].length);
      node.parentNode.insertBefore(makeTerm(found[0], item.entry), after);
      nodes.splice(i + 1, 0, after);
      return true;
    }
    return false;
  }

  /* I små portioner (högst några millisekunder åt gången), så att inget blir en lång uppgift som
     fördröjer ett klick eller sidbytet. */
  function mark(root, terms, done) {
    var words = wordList(terms);
    var nodes = textNodes(root);
    var used = {};
    var index = 0;
    function step(deadline) {
      var left = deadline && deadline.timeRemaining ? deadline.timeRemaining() : 6;
      var until = Date.now() + Math.max(2, Math.min(8, left));
      do {
        var item = words[index++];
        if (item && !used[item.entry.t] && markWord(nodes, item)) used[item.entry.t] = true;
      } while (index < words.length && Date.now() < until);
      if (index < words.length && document.body.contains(root)) later(step);
      else done();
    }
    later(step);
  }

  function later(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 300 });
    else window.setTimeout(fn, 30);
  }

  /* Guidens ruta byts ut när en nod ritas på plats; då märks den nya rutan. Annars hela artikeln. */
  function start() {
    var article = document.querySelector(".md-content article");
    if (!article || article.querySelector("[data-sv-glossary-page]")) return;
    var root = article.querySelector(".sv-walker") || article;
    if (root.getAttribute("data-sv-terms")) return;
    /* Artikeln bär också läget (1, klar), även när bara guidens ruta märks. */
    var marked = root === article ? [root] : [root, article];
    var state = function (value) { marked.forEach(function (element) { element.setAttribute("data-sv-terms", value); }); };
    state("1");
    loadTerms().then(function (terms) {
      if (!document.body.contains(root)) return;
      if (!terms.length) state("klar");
      else mark(root, terms, function () { state("klar"); });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".sv-term__tip:not([hidden])").forEach(function (tip) {
      hide(tip.parentElement);
    });
  });

  window.samverkan.onPage(start);
})();
