// Achievement editor: shows only the fields of each criterion's kind. Without this script every field is
// shown with a note of the kinds it applies to, and the form works the same.
(function () {
  "use strict";
  function update(row) {
    var select = row.querySelector("select[data-rule-kind]");
    if (!select) { return; }
    var kind = select.value;
    row.querySelectorAll("[data-kinds]").forEach(function (field) {
      var kinds = field.getAttribute("data-kinds").split(" ");
      field.classList.toggle("editor-kind-hidden", kinds.indexOf(kind) < 0);
    });
  }
  document.querySelectorAll("[data-rule-row]").forEach(function (row) {
    update(row);
    var select = row.querySelector("select[data-rule-kind]");
    if (select) { select.addEventListener("change", function () { update(row); }); }
  });
})();
