// "Who must act": filter the organisations by sector or by name. Without JavaScript the page is a plain list.
(function () {
  "use strict";

  function option(value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function field(labelText, control) {
    var wrapper = document.createElement("p");
    var label = document.createElement("label");
    label.htmlFor = control.id;
    label.textContent = labelText;
    wrapper.appendChild(label);
    wrapper.appendChild(control);
    return wrapper;
  }

  // A heading's words without its permalink ("¶"), which is part of its text.
  function headingText(heading) {
    if (!heading) return "";
    var copy = heading.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function init() {
    var root = document.querySelector(".org-filter");
    if (!root || root.getAttribute("data-filter-ready")) {
      return;
    }
    root.setAttribute("data-filter-ready", "true");
    var sections = Array.prototype.slice.call(root.querySelectorAll("section[data-sector]"));
    var form = document.createElement("form");
    form.className = "org-filter__controls";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the organisations");
    var sector = document.createElement("select");
    sector.id = "org-filter-sector";
    sector.appendChild(option("", "All sectors"));
    sections.forEach(function (section) {
      sector.appendChild(option(section.getAttribute("data-sector"), headingText(section.querySelector("h2"))));
    });
    var name = document.createElement("input");
    name.type = "search";
    name.id = "org-filter-name";
    name.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "org-filter__status";
    status.setAttribute("role", "status");
    form.appendChild(field("Sector ", sector));
    form.appendChild(field("Organisation name contains ", name));
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function apply() {
      var wanted = sector.value;
      var words = name.value.trim().toLowerCase();
      var shown = 0;
      sections.forEach(function (section) {
        var visible = 0;
        var sectorMatches = !wanted || section.getAttribute("data-sector") === wanted;
        Array.prototype.forEach.call(section.querySelectorAll("li"), function (item) {
          var link = item.querySelector("a");
          var text = (link ? link.textContent : item.textContent).toLowerCase();
          var matches = sectorMatches && (!words || text.indexOf(words) !== -1);
          item.hidden = !matches;
          visible += matches ? 1 : 0;
        });
        section.hidden = visible === 0;
        shown += visible;
      });
      // The recommendations that name no one belong to no sector and no name: any filter hides them.
      var unnamed = root.querySelector(".org-unnamed");
      if (unnamed) unnamed.hidden = Boolean(wanted || words);
      status.textContent = shown === 1 ? "1 organisation shown." : shown + " organisations shown.";
    }

    sector.addEventListener("change", apply);
    name.addEventListener("input", apply);
    root.insertBefore(status, root.firstChild);
    root.insertBefore(form, status);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // Material's instant navigation, if switched on, swaps pages without a load event.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
