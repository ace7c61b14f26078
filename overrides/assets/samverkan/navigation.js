/*
 * Samverkansguiden: när snabbnavigeringen byter sida flyttas fokus till den nya sidans rubrik, så att
 * den som använder skärmläsare eller tangentbord märker att sidan bytts (som guiderna redan gör).
 * Första sidan som laddas lämnas i fred, liksom en sida som öppnas vid ett ankare (#…).
 */
(function () {
  "use strict";
  var first = true;

  function focusHeading(detail) {
    if (detail && detail.inPlace) return;
    if (first) { first = false; return; }
    var hash = window.location.hash.slice(1);
    if (hash && hash.indexOf("=") < 0 && document.getElementById(decodeURIComponent(hash))) return;
    var heading = document.querySelector(".md-content h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }

  /* "Gå till innehållet": flytta fokus dit (snabbnavigeringen skulle annars bara rulla sidan). */
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.sv-skip") : null;
    var target = document.getElementById("innehall");
    if (!link || !target) return;
    event.preventDefault();
    event.stopPropagation();
    target.focus();
  }, true);

  /* Bara för snabbnavigeringens sidbyten (document$ via adaptern); guiden flyttar själv fokus när
     den ritar en nod på plats. */
  window.samverkan.onPage(focusHeading);
})();
