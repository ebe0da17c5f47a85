// Accessibility fixes for widgets the stock admin builds with JavaScript (axe-core, WCAG 2.2 AA):
// - the search icons of the two-box "filter" selects carry aria-label on a plain span: give them a role;
// - the autocomplete (select2) boxes have no accessible name: name them by their field's label.
"use strict";
function kratomAdminA11y() {
  document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach((icon) => icon.setAttribute("role", "img"));
  document.querySelectorAll("select.admin-autocomplete").forEach((select) => {
    const label = document.querySelector(`label[for="${select.id}"]`);
    const box = select.nextElementSibling;
    if (!label || !box) return;
    label.id = label.id || `${select.id}-label`;
    box.querySelectorAll(".select2-selection, .select2-selection__rendered").forEach((part) => {
      part.setAttribute("aria-labelledby", label.id);
    });
  });
}
window.addEventListener("load", () => window.setTimeout(kratomAdminA11y, 0));
