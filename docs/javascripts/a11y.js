/* Accessibility helpers for every page (no requests leave the page).
 *
 * 1. The header's menu and search buttons and the navigation's section toggles are <label>s for hidden
 *    checkboxes; overrides/partials/header.html and nav-item.html put a focusable button (a span with
 *    role="button") inside each. Enter and Space press it here, as they would a real button. A toggle
 *    with aria-expanded keeps it in step with its checkbox.
 * 2. For print, docs/stylesheets/print.css writes each outside link's address after it. Links whose
 *    words already are the address (www.dcsf.gov.uk/nsdu) are marked here so it is not printed twice.
 */
(function () {
  "use strict";

  function pressOnKey(button) {
    if (button.dataset.keyboardReady) return;
    button.dataset.keyboardReady = "true";
    button.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        button.click();  // the click reaches the label, which toggles its checkbox
      }
    });
    var label = button.closest("label");
    var toggle = label && document.getElementById(label.htmlFor);
    if (toggle && button.hasAttribute("aria-expanded")) {
      toggle.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
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
