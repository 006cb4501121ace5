// Abbreviations a reader can open by tap or keyboard, not only by hovering (WCAG 2.1.1, 1.4.13).
// Each <abbr title> in the text opens a small box with its expansion when tapped or clicked; the first
// occurrence of each on a page is also a keyboard stop (Enter or Space), so a page with many abbreviations
// does not become a long run of tab stops. The box is announced (role="status"), stays until dismissed
// (Escape, a second press, or a press elsewhere) and adds nothing to the text itself. Without JavaScript
// the browser's own hover text remains. The expansions are the glossary's, quoted from the sources.
(function () {
  "use strict";

  var tip = null;
  var owner = null;

  function close() {
    if (!tip) return;
    tip.remove();
    if (owner && owner.hasAttribute("aria-expanded")) owner.setAttribute("aria-expanded", "false");
    tip = null;
    owner = null;
  }

  function open(abbr) {
    var expansion = abbr.dataset.expansion;
    close();
    tip = document.createElement("span");
    tip.className = "abbr-tip";
    tip.setAttribute("role", "status");
    tip.textContent = abbr.textContent + ": " + expansion;
    abbr.after(tip);
    owner = abbr;
    if (abbr.hasAttribute("aria-expanded")) abbr.setAttribute("aria-expanded", "true");
  }

  function toggle(abbr) {
    if (owner === abbr) close(); else open(abbr);
  }

  function setup() {
    var seen = {};
    document.querySelectorAll(".md-content article abbr[title]").forEach(function (abbr) {
      if (abbr.dataset.expansion || abbr.closest("a, button, summary, [role=button]")) return;
      abbr.dataset.expansion = abbr.getAttribute("title");
      abbr.classList.add("abbr-toggle");
      abbr.addEventListener("click", function (event) {
        event.stopPropagation();
        toggle(abbr);
      });
      var key = abbr.textContent.trim();
      if (seen[key]) return;
      seen[key] = true;
      abbr.setAttribute("tabindex", "0");
      abbr.setAttribute("role", "button");
      abbr.setAttribute("aria-expanded", "false");
      abbr.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggle(abbr);
        }
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip) {
      var was = owner;
      close();
      if (was && was.hasAttribute("tabindex")) was.focus();
    }
  });
  document.addEventListener("click", close);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  }
})();
