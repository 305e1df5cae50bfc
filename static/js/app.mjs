import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Content that htmx swaps in gets the same GOV.UK behaviour as the page it joins.
document.body.addEventListener("htmx:afterSettle", (event) => initAll({ scope: event.detail.elt }));

// When htmx replaces the part of the page that held the focus, the browser drops the focus to the page
// itself and a keyboard user must start again from the top. Put it back where they were: on the same
// control in the new content (the row's Change link after saving the row or cancelling the change, its
// Move button after moving it), or else on the heading of the section that changed, or of the page when
// a refusal or an error page took the whole page's place. Autofocus and error summaries go first.
document.body.addEventListener("htmx:afterSettle", (event) => {
  const section = event.target;
  if (document.activeElement && document.activeElement !== document.body) return;
  if (!(section instanceof HTMLElement) || !section.isConnected) return;
  const source = event.detail.requestConfig && event.detail.requestConfig.elt;
  // Cancel on a row's change form goes back to the row's own Change link, which opened the form.
  const editing = source && source.hasAttribute("data-app-cancel") && source.closest("form");
  const url = editing
    ? editing.getAttribute("data-hx-post")
    : source && (source.getAttribute("data-hx-post") || source.getAttribute("data-hx-get"));
  let target = null;
  if (url) {
    const escaped = CSS.escape(url);
    const controls = `[data-hx-post="${escaped}"], [data-hx-get="${escaped}"]`;
    let matches = Array.from(section.querySelectorAll(controls));
    // A row moved down comes back beside the row it passed, whose controls are what settles: its own
    // Move button is elsewhere in the page.
    if (!matches.length && source.closest(".app-row-actions")) matches = Array.from(document.querySelectorAll(controls));
    // A row's Move up and Move down buttons post to the same address: back to the one pressed.
    const direction = source.getAttribute("name") === "direction" && source.value;
    const same = (direction && matches.find((element) => element.value === direction)) || matches[0];
    target = same && same.matches("form") ? same.querySelector("button[type=submit], button:not([type])") : same;
  }
  if (!target) {
    target = section.querySelector(section === document.body ? "main h1" : "h2, h3");
    if (target && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  }
  if (target) target.focus();
});

// Once a swap has settled, an autofocus attribute has done its work. Left in the page, it would take the
// focus again when htmx moves the part that holds it: an agenda item, moved, keeps its rows' add forms.
document.body.addEventListener("htmx:afterSettle", () => {
  for (const field of document.querySelectorAll("[autofocus]")) field.removeAttribute("autofocus");
});

// A change made in place loads no page, so a screen reader hears nothing of it: the server names
// what was done ("Attendee added") and the status region says it.
document.body.addEventListener("announce", (event) => {
  const region = document.getElementById("announcement");
  if (!region) return;
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = event.detail.message;
  }, 100);
});
