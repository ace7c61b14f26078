/* Samverkansguiden: länkarna "Föreslå en ändring" och "Rapportera fel" i sidfoten.
 *
 * Sidan byggs med sidans adress i länken. När man klickar (eller tabbar till länken) fylls adressen i
 * på nytt, så att den på en guides sidor också tar med svaren: fragmentet #svar=fraga.svar,...
 * Inget annat ur adressen tas med, och inget om den som skriver. Skriptet läses in på varje sida
 * (även efter Materials snabbnavigering), men kopplar in sig bara en gång.
 */
(function () {
  "use strict";
  if (window.svFeedbackReady) {
    return;
  }
  window.svFeedbackReady = true;

  function pageAddress() {
    var match = /(?:^#|&)svar=([a-z0-9.,-]*)/.exec(window.location.hash || "");
    var address = window.location.origin + window.location.pathname;
    return match && match[1] ? address + "#svar=" + match[1] : address;
  }

  function fill(link) {
    var template = link.getAttribute("data-sv-feedback");
    if (!template) {
      return;
    }
    link.href = template
      .split("{sida}").join(encodeURIComponent(pageAddress()))
      .split("{fil}").join(encodeURIComponent(link.getAttribute("data-sv-file") || ""));
  }

  ["click", "auxclick", "contextmenu", "focusin", "mouseover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      var link = target && target.closest ? target.closest("a[data-sv-feedback]") : null;
      if (link) {
        fill(link);
      }
    }, true);
  });
})();
