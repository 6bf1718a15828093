// Progressive enhancement of the taxonomy picker (templates/components/picker.html): suggest as the
// person types, from the read-only taxonomy API. Without this file the picker works with its
// "Search" button.
(function () {
  "use strict";

  function labelOf(item) {
    if (item.label) return item.label;
    if (item.title) return item.code + " " + item.title;
    return item.name;
  }

  function optionFor(picker, item) {
    var label = document.createElement("label");
    label.className = "picker-option";
    var input = document.createElement("input");
    input.type = picker.dataset.inputType;
    input.name = picker.dataset.name;
    input.value = String(item[picker.dataset.valueKey]);
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + labelOf(item)));
    return label;
  }

  function enhance(picker) {
    var box = picker.querySelector("input[type=search]");
    var results = picker.querySelector(".picker-results");
    var timer = null;
    var latest = 0;
    // Once per picker, even if the script is included twice: one fetch per keystroke.
    if (!box || !results || picker.dataset.enhanced) return;
    picker.dataset.enhanced = "1";

    function chosenValues() {
      var values = {};
      picker.querySelectorAll("input[name='" + picker.dataset.name + "']:checked").forEach(function (el) {
        values[el.value] = true;
      });
      return values;
    }

    function search() {
      var q = box.value.trim();
      var ticket = ++latest;
      if (q.length < 2) {
        results.replaceChildren();
        return;
      }
      var url = picker.dataset.api + "?q=" + encodeURIComponent(q);
      if (picker.dataset.params) url += "&" + picker.dataset.params;
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [], failed: true }; })
        .then(function (data) {
          if (ticket !== latest) return;
          var chosen = chosenValues();
          var items = Array.isArray(data) ? data : data.results || [];
          var nodes = [];
          items.slice(0, 15).forEach(function (item) {
            if (!chosen[String(item[picker.dataset.valueKey])]) nodes.push(optionFor(picker, item));
          });
          // Keep ticked results: move them out of the results area before replacing it.
          results.querySelectorAll("input:checked").forEach(function (el) {
            picker.querySelector(".picker-options").insertBefore(el.parentNode, results);
          });
          // Said only when the search answered: a refused or failed one is no "nothing found".
          if (!items.length && !data.failed && picker.dataset.nothingFound) {
            var hint = document.createElement("p");
            hint.className = "hint";
            hint.textContent = picker.dataset.nothingFound;
            nodes.push(hint);
          }
          results.replaceChildren.apply(results, nodes);
        })
        .catch(function () { /* the Search button still works */ });
    }

    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        window.clearTimeout(timer);
        search();
      }
    });
  }

  // Enter in a form's other fields sends the form, not the first picker's search: the browser
  // presses a form's first submit button, and on a form that starts with a picker that is its
  // "Search" button, which saves nothing. (Without this file Enter searches; nothing is lost.)
  function isSearchButton(button) {
    return /_search$/.test(button.name || "");
  }

  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || event.defaultPrevented || !(field instanceof HTMLInputElement)) return;
    if (!field.form || field.closest("[data-picker]")) return;
    if (/^(button|submit|reset|checkbox|radio|file)$/.test(field.type)) return;
    // Leaving out the hidden copy that makes Enter send the form without this file (picker.html).
    var buttons = Array.prototype.filter.call(field.form.elements, function (el) {
      return (el.type === "submit") && !el.disabled && !el.hasAttribute("data-picker-default");
    });
    if (!buttons.length || !isSearchButton(buttons[0])) return;
    var send = buttons.filter(function (button) { return !isSearchButton(button); })[0];
    if (!send) return;
    event.preventDefault();
    field.form.requestSubmit(send);
  });

  document.querySelectorAll("[data-picker]").forEach(enhance);
})();
