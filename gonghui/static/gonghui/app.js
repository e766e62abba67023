/* The page behaviours that used to be inline handlers: the Content-Security-Policy allows only
   scripts from this site, so templates mark elements with data attributes and this file acts. */
(function () {
  "use strict";

  function setProgress(root) {
    root.querySelectorAll("[data-progress]").forEach(function (bar) {
      bar.style.width = bar.getAttribute("data-progress") + "%";
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setProgress(document); });
  document.addEventListener("htmx:load", function (event) { setProgress(event.target); });

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-print], [data-confirm], [data-tree-toggle], [data-check-all]");
    if (!el) { return; }
    if (el.hasAttribute("data-print")) {
      window.print();
    } else if (el.hasAttribute("data-confirm")) {
      if (!window.confirm(el.getAttribute("data-confirm"))) { event.preventDefault(); }
    } else if (el.hasAttribute("data-tree-toggle")) {
      var list = document.getElementById(el.getAttribute("data-tree-toggle"));
      var open = el.getAttribute("aria-expanded") === "true";
      el.setAttribute("aria-expanded", String(!open));
      el.textContent = open ? "▸" : "▾";
      if (list) { list.hidden = open; }
    } else if (el.hasAttribute("data-check-all")) {
      var scope = el.form || document;
      scope.querySelectorAll(el.getAttribute("data-check-all")).forEach(function (box) {
        box.checked = el.checked;
      });
    }
  });

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) { el.form.submit(); }
  });
})();
