/**
 * Progressive enhancement only: every page works without it. Served from /assets/app.js because the
 * Content-Security-Policy allows no inline script.
 */
export const APP_JS = `(function () {
  "use strict";
  // Copy buttons: hidden until script runs; the address stays in a readonly field without it.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy") + "-status");
    if (!input) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { if (status) status.textContent = button.getAttribute("data-copied") || ""; };
      var fallback = function () {
        input.focus();
        input.select();
        try { document.execCommand("copy"); done(); } catch (e) {}
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
  // Readonly addresses select themselves, ready to copy by hand.
  document.querySelectorAll("input[readonly][data-select]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
  // A form marked data-once is sent once, however many times its button is pressed.
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sent")) { event.preventDefault(); return; }
      form.setAttribute("data-sent", "1");
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
    });
  });
  // Booth map: choosing a booth selects it in the assignment form without a reload (the link does
  // the same through the server when script is off).
  var boothSelect = document.querySelector("select[data-booth-select]");
  if (boothSelect) {
    var boothLinks = document.querySelectorAll("a[data-booth]");
    var mark = function (code) {
      boothLinks.forEach(function (other) {
        if (other.getAttribute("data-booth") === code) other.setAttribute("aria-current", "true");
        else other.removeAttribute("aria-current");
      });
    };
    boothLinks.forEach(function (link) {
      link.addEventListener("click", function (event) {
        var code = link.getAttribute("data-booth");
        var known = Array.prototype.some.call(boothSelect.options, function (o) { return o.value === code; });
        if (!known) return;
        event.preventDefault();
        boothSelect.value = code;
        mark(code);
        boothSelect.focus();
      });
    });
    boothSelect.addEventListener("change", function () { mark(boothSelect.value); });
  }
  // After a failed submit, move focus to the list of problems so screen readers announce it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
`;
