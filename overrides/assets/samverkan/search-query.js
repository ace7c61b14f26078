/*
 * Samverkansguiden – svensk sökning, frågans sida. Sökningen i Material for MkDocs (lunr) hittar
 * bara ord som börjar som det man skriver. Det här skriptet gör om frågan innan den når sökningen:
 *
 *   - småord som "har", "till" och "från" tas bort när frågan har andra ord
 *     (annars hittar "till" allt som börjar på till-, som "tillgänglighet");
 *   - ett böjt ord får också sin stam: "föräldrarna" söker även på "föräldr", som hittar förälder;
 *   - ett sammansatt ord som inte står någonstans på sajten får också sina delar: "hedersvåld"
 *     söker även på "heder" och "våld". (Åt andra hållet, "anmälan" hittar "orosanmälan", sköts
 *     redan i sökindexet.)
 *   - när frågan blandar vanliga ord (som står i många dokument, t.ex. "skolan") med ovanliga, får
 *     de ovanliga orden högre vikt, så att "pappa slår" avgör ordningen och inte "elev".
 *
 * Vilka ord som finns och vilka fogeformer och småord som gäller kommer från sökindexet
 * (config.samverkan, skrivet av build_tools/search_terms.py från data/sokord.yaml och innehållet).
 * Skriptet når sökningen bara genom adaptern (adapter-material.js, window.samverkan.onSearch), som
 * kopplar in sig där frågan skickas till sökningens web worker. Fungerar det inte, söker Material
 * som vanligt på det användaren skrev.
 */
(function () {
  "use strict";

  /* Svarets typ i Vocabulary.cleanResult (adaptern har redan valt ut svaren från sökningen). */
  var RESULT = 3;
  var MIN_PART = 3;
  var MIN_TAIL = 4;
  /* Sökfrågor med lunrs egen syntax (+ord, -ord, "fras", ord*, ord~1, ord^2, fält:ord) lämnas orörda.
     Ett bindestreck inne i ett ord (Hässelby-Vällingby) är inte syntax. */
  var SYNTAX = /(^|\s)[+-]|[:^~*"]/;
  /* Böjningsändelser. Sökningen hittar allt som börjar som ordet i frågan, så "föräldr" hittar både
     förälder, föräldrar och föräldrarna. Stammen läggs till bredvid ordet, inte i stället. */
  var ENDINGS = [
    "arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "ade", "en", "et", "na", "ar", "er", "or"
  ];
  var MIN_STEM = 5;
  /* Vikten för ett ovanligt ord i en fråga som också har vanliga ord (se weigh). */
  var RARE_BOOST = 5;

  function Vocabulary(data) {
    this.words = Object.create(null);
    (data.ord || []).forEach(function (w) { this.words[w] = true; }, this);
    this.linking = data.fogeformer || {};
    this.stop = Object.create(null);
    (data.stoppord || []).forEach(function (w) { this.stop[w] = true; }, this);
    this.common = Object.create(null);
    (data.vanliga || []).forEach(function (w) { this.common[w] = true; }, this);
    /* Orden som expand() lade till senast. Material visar "Saknas: ..." för ord i frågan som en träff
       inte innehåller; de tillagda orden ska inte synas där, eftersom användaren inte skrev dem. */
    this.added = [];
  }

  /* Grundformen för förleden: anmälnings → anmälan, heders → heder, skol → skola. */
  Vocabulary.prototype.firstPart = function (head) {
    if (Object.prototype.hasOwnProperty.call(this.linking, head)) return this.linking[head];
    if (head.slice(-1) === "s" && this.words[head.slice(0, -1)]) return head.slice(0, -1);
    if (this.words[head]) return head;
    if (this.words[head + "a"]) return head + "a";
    return null;
  };

  /* Delarna i ett sammansatt ord, med den längsta kända slutdelen först. */
  Vocabulary.prototype.parts = function (word) {
    for (var cut = MIN_PART; cut <= word.length - MIN_TAIL; cut++) {
      var head = word.slice(0, cut);
      var tail = word.slice(cut);
      if (!this.words[tail]) continue;
      var first = this.firstPart(head);
      if (first) return [first, tail];
    }
    return [];
  };

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (word.length - ending.length >= MIN_STEM && word.slice(-ending.length) === ending) {
        return word.slice(0, -ending.length);
      }
    }
    return null;
  }

  Vocabulary.prototype.expand = function (query) {
    this.added = [];
    if (SYNTAX.test(query)) return query;
    var terms = query.toLowerCase().split(/[\s\-]+/).filter(Boolean);
    var content = terms.filter(function (t) { return !this.stop[t]; }, this);
    if (content.length) terms = content;
    var out = [];
    var typed = terms.slice();
    terms.forEach(function (term) {
      if (out.indexOf(term) < 0) out.push(term);
      var root = stem(term);
      if (root && out.indexOf(root) < 0) out.push(root);
      if (term.length >= MIN_PART + MIN_TAIL && !this.words[term]) {
        this.parts(term).forEach(function (part) {
          if (out.indexOf(part) < 0) out.push(part);
        });
      }
    }, this);
    this.added = out.filter(function (t) { return typed.indexOf(t) < 0; });
    return this.weigh(out).join(" ");
  };

  /* Vanliga ord (skolan, barn, socialtjänsten: de står i många dokument) ska inte avgöra ordningen
     när frågan också har ovanliga ord. Då får de ovanliga orden högre vikt (lunrs ord^N). */
  Vocabulary.prototype.weigh = function (terms) {
    var common = this.common;
    var rare = terms.filter(function (t) { return !common[t]; });
    if (!rare.length || rare.length === terms.length) return terms;
    return terms.map(function (t) { return common[t] ? t : t + "^" + RARE_BOOST; });
  };

  /* Ta bort tillagda ord ur träffarnas lista över saknade ord (svaret från sökningen, typ 3). */
  Vocabulary.prototype.cleanResult = function (message) {
    var added = this.added;
    if (!message || message.type !== RESULT || !message.data || !added.length) return;
    (message.data.items || []).forEach(function (group) {
      group.forEach(function (item) {
        added.forEach(function (term) {
          if (item.terms && term in item.terms) delete item.terms[term];
        });
      });
    });
  };

  /* Adaptern (adapter-material.js) skickar hit sökningens inställningar, varje fråga och varje svar. */
  var vocabulary = null;
  if (window.samverkan) {
    window.samverkan.onSearch({
      setup: function (config) {
        vocabulary = config && config.samverkan ? new Vocabulary(config.samverkan) : null;
      },
      query: function (text) {
        return vocabulary ? vocabulary.expand(text) : text;
      },
      result: function (data) {
        if (vocabulary) vocabulary.cleanResult({ type: RESULT, data: data });
      }
    });
  }
  window.samverkanSok = { Vocabulary: Vocabulary };
})();
