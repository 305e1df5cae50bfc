// The admin's autocomplete boxes (select2) show a combobox named only by what is chosen, empty before a
// choice, and an unnamed "textbox" inside it. Name each box by its field's label, as a screen reader
// needs, and leave the inner span as plain text. Rows added to an inline get the same.
function nameAutocompleteBoxes(scope) {
  for (const box of scope.querySelectorAll(".select2-selection[role=combobox]")) {
    const select = box.closest(".select2")?.previousElementSibling;
    const label = select && select.id && document.querySelector(`label[for="${CSS.escape(select.id)}"]`);
    const rendered = box.querySelector(".select2-selection__rendered");
    if (!label || !rendered) continue;
    if (!label.id) label.id = `${select.id}-label`;
    box.setAttribute("aria-labelledby", `${label.id} ${rendered.id}`);
    rendered.removeAttribute("role");
    rendered.removeAttribute("aria-readonly");
  }
}

// Django starts the boxes when jQuery finds the document ready; queued after it, this runs after them.
if (window.django && window.django.jQuery) window.django.jQuery(() => nameAutocompleteBoxes(document));
document.addEventListener("formset:added", (event) => nameAutocompleteBoxes(event.target));
