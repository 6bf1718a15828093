// Progressive enhancement of the vacancy report's "pay and place" step: show the work-abroad
// fields (country, P3MI, job order) only when "Abroad (AKAN)" is chosen, and the regency picker
// only otherwise. Without this file every field is shown and the server checks them.
(function () {
  "use strict";

  var radios = document.querySelectorAll("input[name=scope]");
  if (!radios.length) return;
  var abroadOnly = ["country", "p3mi_name", "job_order_number"].map(function (name) {
    var input = document.querySelector("[name=" + name + "]");
    return input ? input.closest(".field") : null;
  });
  var regencyBox = document.querySelector("input[name=regency_q]");
  var localOnly = regencyBox ? regencyBox.closest(".field") : null;

  function update() {
    var checked = document.querySelector("input[name=scope]:checked");
    var abroad = checked && checked.value === "AKAN";
    abroadOnly.forEach(function (field) {
      // Never hide a field that shows an error.
      if (field && !field.classList.contains("field-error")) field.hidden = !abroad;
    });
    if (localOnly && !localOnly.classList.contains("field-error")) localOnly.hidden = abroad;
  }

  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();
