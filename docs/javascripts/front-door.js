/* The home page's recommendation number box and search button.
 *
 * Progressive enhancement: both are hidden in the HTML and shown only here, so without JavaScript the
 * page offers the plain link to the recommendations index instead. No requests leave the page: the box
 * only changes location to a page of this site, so it works offline and from file:// too.
 */
(function () {
  "use strict";

  function parseNumber(text, max) {
    var value = String(text).trim();
    if (!/^\d{1,3}$/.test(value)) return null;
    var number = parseInt(value, 10);
    return number >= 1 && number <= max ? number : null;
  }

  function setupFinder(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var max = parseInt(form.dataset.max, 10);
    var input = form.querySelector("input");
    var error = form.querySelector(".rec-finder__error");
    var hint = form.querySelector(".rec-finder__hint");

    function showError(message) {
      error.textContent = message;
      error.hidden = false;
      form.classList.add("rec-finder--error");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", hint.id + " " + error.id);
      input.focus();
    }

    function clearError() {
      error.textContent = "";
      error.hidden = true;
      form.classList.remove("rec-finder--error");
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", hint.id);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var number = parseNumber(input.value, max);
      if (number === null) {
        showError(input.value.trim() === ""
          ? "Enter a recommendation number, from 1 to " + max + "."
          : "Enter a whole number from 1 to " + max + ".");
        return;
      }
      clearError();
      // Resolved against the form's own action (the recommendations index), so it works at any depth.
      window.location.href = new URL(number + ".html", form.action).href;
    });
    form.hidden = false;
  }

  function setupSearchButton(button) {
    if (button.dataset.ready) return;
    button.dataset.ready = "true";
    var toggle = document.getElementById("__search");
    var query = document.querySelector(".md-search__input");
    if (!toggle || !query) return; // no search on this page: leave the button hidden
    button.addEventListener("click", function () {
      // Material opens its search dialog when this toggle changes, as its own search button does.
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      query.focus();
    });
    button.hidden = false;
  }

  function setup() {
    document.querySelectorAll("[data-rec-finder]").forEach(setupFinder);
    document.querySelectorAll("[data-open-search]").forEach(setupSearchButton);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  // With Material's instant navigation, pages arrive without a new load; document$ announces each one.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  }
})();
