// Loaded at the top of <body>, before anything is drawn: GOV.UK Frontend's styles for
// pages where JavaScript runs. A file, not an inline script, so the Content-Security-Policy
// can forbid inline scripts altogether.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

// htmx requests carry the CSRF token from the page's <meta name="csrf-token">.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRFToken"] = meta.getAttribute("content");
  }
});
