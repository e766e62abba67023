/* The organisation picker (gonghui/core/pickers.py): a type-ahead over the scoped organisation
   search. Type a name, pinyin initials or a credit code; ↑/↓ move, Enter picks, Esc closes.
   The chosen id goes into the hidden input; the search box shows its name and the path below. */
(function () {
  "use strict";

  var DELAY = 150;

  function setup(root) {
    if (root.getAttribute("data-org-picker-ready")) { return; }
    root.setAttribute("data-org-picker-ready", "1");
    var hidden = root.querySelector("[data-org-picker-value]");
    var input = root.querySelector("[data-org-picker-input]");
    var pathHint = root.querySelector("[data-org-picker-path]");
    var list = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-org-picker-status]");
    var url = root.getAttribute("data-url");
    var items = [], active = -1, timer = null, seq = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var nodes = list.children;
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      for (var i = 0; i < nodes.length; i++) {
        nodes[i].classList.toggle("active", i === active);
        nodes[i].setAttribute("aria-selected", String(i === active));
      }
      input.setAttribute("aria-activedescendant", nodes[active].id);
      nodes[active].scrollIntoView({block: "nearest"});
    }

    function pick(index) {
      var item = items[index];
      if (!item) { return; }
      clearTimeout(timer);
      seq++; // an answer still on its way must not reopen the list
      hidden.value = String(item.id);
      input.value = item.name;
      pathHint.textContent = item.path;
      input.setCustomValidity("");
      close();
      hidden.dispatchEvent(new Event("change", {bubbles: true}));
    }

    function render(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.className = "list-group-item list-group-item-action org-picker-item";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var name = document.createElement("div");
        name.className = "org-picker-name";
        name.textContent = item.name;
        var kind = document.createElement("span");
        kind.className = "badge bg-secondary-lt ms-1";
        kind.textContent = item.kind;
        name.appendChild(kind);
        var path = document.createElement("div");
        path.className = "small text-secondary org-picker-item-path";
        path.textContent = item.path;
        li.appendChild(name);
        li.appendChild(path);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "list-group-item text-secondary";
        none.textContent = "没有匹配的组织";
        list.appendChild(none);
      }
      status.textContent = results.length ? "找到 " + results.length + " 个组织" : "没有匹配的组织";
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function query(q) {
      var mine = ++seq;
      fetch(url + "&q=" + encodeURIComponent(q), {
        credentials: "same-origin", headers: {"Accept": "application/json"}
      }).then(function (response) {
        return response.ok ? response.json() : {results: []};
      }).then(function (data) {
        if (mine === seq && document.activeElement === input) { render(data.results || []); }
      });
    }

    input.addEventListener("input", function () {
      hidden.value = "";
      pathHint.textContent = "";
      clearTimeout(timer);
      var q = input.value.trim();
      timer = setTimeout(function () { query(q); }, DELAY);
    });
    input.addEventListener("focus", function () {
      query(hidden.value ? "" : input.value.trim());
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 100);
      // Typed but never picked: the field is empty, and says so rather than sending nothing.
      if (!hidden.value && input.value.trim()) {
        input.setCustomValidity("请从列表中选择一个组织");
      } else {
        input.setCustomValidity("");
        if (!input.value.trim()) { hidden.value = ""; pathHint.textContent = ""; }
      }
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (open) { highlight(active + 1); } else { query(input.value.trim()); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) { highlight(active - 1); }
      } else if (event.key === "Enter" && open && items.length) {
        event.preventDefault();
        pick(active >= 0 ? active : 0);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    if (input.form) {
      input.form.addEventListener("reset", function () {
        hidden.value = ""; pathHint.textContent = "";
      });
    }
  }

  function setupAll(scope) {
    scope.querySelectorAll("[data-org-picker]").forEach(setup);
  }

  document.addEventListener("DOMContentLoaded", function () { setupAll(document); });
  document.addEventListener("htmx:load", function (event) { setupAll(event.target); });
})();
