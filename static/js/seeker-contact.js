// Progressive enhancement of the contact step (templates/jobseekers/register_step.html): once a
// regency/city is chosen, the district picker suggests only that regency's districts. Without
// this file the server does the same after the next "Search" or "Save".
(function () {
  "use strict";

  function districtPicker() {
    return document.querySelector("[data-picker][data-name='district']");
  }

  function onRegencyChosen(event) {
    var input = event.target;
    if (!input || input.name !== "regency" || !input.checked) return;
    var picker = districtPicker();
    if (!picker) return;
    picker.dataset.params = "level=district&parent=" + encodeURIComponent(input.value);
    // A district of another regency no longer fits: untick it.
    picker.querySelectorAll("input[name='district']:checked").forEach(function (el) {
      if (el.value.indexOf(input.value + ".") !== 0) el.checked = false;
    });
  }

  document.addEventListener("change", onRegencyChosen);
})();
