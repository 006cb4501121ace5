// Abbreviations a reader can open by tap or keyboard, not only by hovering (WCAG 2.1.1, 1.4.13).
// Each <abbr title> in the text opens a small box with its expansion when tapped or clicked; the first
// occurrence of each on a page is also a keyboard stop (Enter or Space), so a page with many abbreviations
// does not become a long run of tab stops. The box is announced (role="status"), stays until dismissed
// (Escape, a second press, or a press elsewhere) and adds nothing to the text itself. Without JavaScript
// the browser's own hover text remains. The expansions are the glossary's, quoted from the sources.
//
// One listener on the document serves every abbreviation, and only the first use of each is touched at
// start-up: Annex A of One Year On has 236 abbreviations, and a listener and a class on each was work done
// on every one while the page loaded (Lighthouse's Total Blocking Time on a phone, issue 15). The pointer
// cursor comes from site.css (html.js, set by Material's bundle).
(function () {
  "use strict";

  var ABBR = ".md-content article abbr[title]";
  var tip = null;
  var owner = null;
  var ready = null; // the article already set up: Material's document$ replays the page it has loaded

  // An abbreviation inside a link or a button belongs to that control: a press there is the control's.
  function toggleFor(target) {
    var abbr = target && target.closest ? target.closest(ABBR) : null;
    if (!abbr || (abbr.parentElement && abbr.parentElement.closest("a, button, summary, [role=button]"))) return null;
    return abbr;
  }

  function close() {
    if (!tip) return;
    tip.remove();
    if (owner && owner.hasAttribute("aria-expanded")) owner.setAttribute("aria-expanded", "false");
    tip = null;
    owner = null;
  }

  function open(abbr) {
    close();
    tip = document.createElement("span");
    tip.className = "abbr-tip";
    tip.setAttribute("role", "status");
    tip.textContent = abbr.textContent + ": " + abbr.getAttribute("title");
    abbr.after(tip);
    owner = abbr;
    if (abbr.hasAttribute("aria-expanded")) abbr.setAttribute("aria-expanded", "true");
  }

  function toggle(abbr) {
    if (owner === abbr) close(); else open(abbr);
  }

  // The first use of each abbreviation becomes a button for the keyboard; the rest answer the pointer only.
  function setup() {
    var article = document.querySelector(".md-content article");
    if (!article || article === ready) return;
    ready = article;
    var seen = {};
    article.querySelectorAll("abbr[title]").forEach(function (abbr) {
      var key = abbr.textContent.trim();
      if (seen[key] || !toggleFor(abbr)) return;
      seen[key] = true;
      abbr.setAttribute("tabindex", "0");
      abbr.setAttribute("role", "button");
      abbr.setAttribute("aria-expanded", "false");
    });
  }

  document.addEventListener("click", function (event) {
    var abbr = toggleFor(event.target);
    if (abbr) toggle(abbr); else close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip) {
      var was = owner;
      close();
      if (was && was.hasAttribute("tabindex")) was.focus();
      return;
    }
    var abbr = event.target;
    if ((event.key === "Enter" || event.key === " ") && abbr.matches && abbr.matches(ABBR + "[role=button]")) {
      event.preventDefault();
      toggle(abbr);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  }
})();
