import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Content that htmx swaps in gets the same GOV.UK behaviour as the page it joins.
document.body.addEventListener("htmx:afterSettle", (event) => initAll({ scope: event.detail.elt }));
