// Start GOV.UK Frontend's components (a module file, so no inline script is needed).
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

initAll();
