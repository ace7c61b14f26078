/*
 * Samverkansguiden – stadsdelar: "Vilken stadsdel?"-sökningen, omdirigering från gamla
 * stadsdelsnamn och valet av barnets stadsdel i guidernas resultat.
 * Progressiv förbättring: utan skript finns listan A–Ö och vanliga länkar. Inget sparas.
 */
(function () {
  "use strict";

  /* Gemener, utan accenter: å/ä blir a och ö blir o, så att "alvsjo" hittar Älvsjö. */
  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  /* Sajtens rot. md-scope.js räknar ut den ur sin egen adress, så den stämmer även efter
     snabbnavigering (Materials __config anger roten relativt den först inlästa sidan). */
  function siteBase() {
    if (window.__md_scope instanceof URL) return window.__md_scope;
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function match(entries, query) {
    var q = normalize(query);
    if (!q) return [];
    var starts = [];
    var words = [];
    entries.forEach(function (entry) {
      var name = normalize(entry.n);
      if (name.indexOf(q) === 0) starts.push(entry);
      else if (name.split(/[\s-]/).some(function (part) { return part.indexOf(q) === 0; })) words.push(entry);
    });
    return starts.concat(words).slice(0, 12);
  }

  function kindLabel(kind) {
    return { tidigare: "tidigare stadsdelsförvaltning", alias: "del av område", stadsdel: "stadsdel", forvaltning: "stadsdelsförvaltning" }[kind] || "";
  }

  function initLookup(box) {
    var data = document.querySelector(".sv-district-data");
    if (!data) return;
    var entries = JSON.parse(data.getAttribute("data-sv-json"));
    var input = box.querySelector("input");
    var results = box.querySelector(".sv-lookup__results");
    var status = box.querySelector(".sv-lookup__status");
    var base = siteBase();
    box.hidden = false;
    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var found = match(entries, input.value);
        results.textContent = "";
        found.forEach(function (entry) {
          var li = document.createElement("li");
          var link = document.createElement("a");
          link.href = new URL("stadsdelar/" + entry.u, base).href;
          link.textContent = entry.n + " → " + entry.d;
          li.appendChild(link);
          var kind = document.createElement("span");
          kind.className = "sv-meta";
          kind.textContent = " (" + kindLabel(entry.k) + ")";
          li.appendChild(kind);
          results.appendChild(li);
        });
        if (!input.value.trim()) status.textContent = "";
        else if (!found.length) status.textContent = "Inga träffar. Prova början av namnet, eller se listan A–Ö nedan.";
        else status.textContent = found.length === 1 ? "1 träff." : found.length + " träffar.";
        results.setAttribute("data-sv-for", input.value);
      }, 120);
    });
  }

  function initRedirect(el) {
    window.location.replace(new URL(el.getAttribute("data-sv-redirect"), window.location.href).href);
  }

  /* I guidernas resultat: välj barnets stadsdel och se kontaktvägarna direkt på sidan. */
  function initPicker(box) {
    var base = siteBase();
    var url = new URL("stadsdelar/kontakter.json", base).href;
    fetch(url).then(function (response) { return response.json(); }).then(function (districts) {
      var id = "sv-district-select";
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = "Vilken stadsdel är barnet folkbokfört i?";
      var select = document.createElement("select");
      select.id = id;
      var empty = document.createElement("option");
      empty.value = "";
      empty.textContent = "Välj stadsdel";
      select.appendChild(empty);
      districts.forEach(function (d, i) {
        var option = document.createElement("option");
        option.value = String(i);
        option.textContent = d.name + (d.former.length ? " (tidigare " + d.former.join(", ") + ")" : "");
        select.appendChild(option);
      });
      var hint = document.createElement("p");
      hint.className = "sv-meta";
      hint.textContent = "Det är barnets hemstadsdel som gäller, inte skolans. Valet sparas inte.";
      var output = document.createElement("div");
      output.className = "sv-district-block";
      output.setAttribute("aria-live", "polite");
      select.addEventListener("change", function () {
        output.textContent = "";
        if (select.value === "") return;
        var d = districts[Number(select.value)];
        var heading = document.createElement("h3");
        heading.textContent = "Socialtjänsten i " + d.name;
        output.appendChild(heading);
        var list = document.createElement("ul");
        d.contacts.forEach(function (c) {
          var li = document.createElement("li");
          li.textContent = c.description + (c.value ? ": " : "");
          if (c.value) {
            /* href är kontrollerat i bygget (tel:+46…, mailto:, https:); annars bara text. */
            var value = document.createElement(c.href ? "a" : "span");
            if (c.href) value.href = c.href;
            value.textContent = c.value;
            li.appendChild(value);
          }
          if (c.status !== "verifierad") li.appendChild(document.createTextNode(" (inte slutligt kontrollerad)"));
          list.appendChild(li);
        });
        var web = document.createElement("li");
        var link = document.createElement("a");
        link.href = d.website;
        link.textContent = "Stadsdelsförvaltningens webbsida";
        web.appendChild(link);
        list.appendChild(web);
        var page = document.createElement("li");
        var pageLink = document.createElement("a");
        pageLink.href = new URL("stadsdelar/" + d.slug + "/", base).href;
        pageLink.textContent = "Allt om " + d.name + " på Samverkansguiden";
        page.appendChild(pageLink);
        list.appendChild(page);
        output.appendChild(list);
        if (d.missing) {
          var note = document.createElement("p");
          note.className = "sv-meta";
          note.textContent = "Telefonnumret till mottagningen har vi inte kunnat kontrollera. Använd e-tjänsten eller stadsdelens webbsida.";
          output.appendChild(note);
        }
      });
      box.appendChild(label);
      box.appendChild(hint);
      box.appendChild(select);
      box.appendChild(output);
      box.hidden = false;
    }).catch(function () { /* Utan data: listan med länkar räcker. */ });
  }

  function start() {
    var redirect = document.querySelector("[data-sv-redirect]");
    if (redirect) { initRedirect(redirect); return; }
    var lookup = document.querySelector("[data-sv-lookup]");
    if (lookup && !lookup.getAttribute("data-sv-ready")) { lookup.setAttribute("data-sv-ready", "1"); initLookup(lookup); }
    var picker = document.querySelector("[data-sv-district-picker]");
    if (picker && !picker.getAttribute("data-sv-ready")) { picker.setAttribute("data-sv-ready", "1"); initPicker(picker); }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  window.SamverkansguidenStadsdelar = { normalize: normalize, match: match };
})();
