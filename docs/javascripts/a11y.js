/* Accessibility helpers for every page (no requests leave the page).
 *
 * 1. The header's menu and search buttons and the navigation's section toggles are <label>s for hidden
 *    checkboxes, made focusable buttons by overrides/partials/header.html and nav-item.html. Material
 *    presses a focused label on Enter; Space presses it here too, as it would a real button. A toggle
 *    with aria-expanded keeps it in step with its checkbox.
 * 2. For print, docs/stylesheets/print.css writes each outside link's address after it. Links whose
 *    words already are the address (www.dcsf.gov.uk/nsdu) are marked here so it is not printed twice.
 */
(function () {
  "use strict";

  function pressOnKey(label) {
    if (label.dataset.keyboardReady) return;
    label.dataset.keyboardReady = "true";
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
    var toggle = document.getElementById(label.htmlFor);
    if (toggle && label.hasAttribute("aria-expanded")) {
      toggle.addEventListener("change", function () {
        label.setAttribute("aria-expanded", String(toggle.checked));
      });
    }
  }

  function focusSearchWhenOpened() {
    var toggle = document.getElementById("__search");
    var query = document.querySelector(".md-search__input");
    if (!toggle || !query || toggle.dataset.focusReady) return;
    toggle.dataset.focusReady = "true";
    // Opened from the header's search button by keyboard, focus would stay on the button: move it to
    // the box, as a pointer user's next step would be to type there.
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== query) query.focus();
    });
  }

  function bare(address) {
    return address.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "");
  }

  function markAddressLinks() {
    document.querySelectorAll('.md-typeset a[href^="http"]').forEach(function (link) {
      if (bare(link.textContent.trim()) === bare(link.getAttribute("href"))) {
        link.classList.add("shows-address");
      }
    });
  }

  function setup() {
    document.querySelectorAll("[data-keyboard-toggle]").forEach(pressOnKey);
    focusSearchWhenOpened();
    markAddressLinks();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  }
})();
