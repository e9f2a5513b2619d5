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
  // Desk scan mode: where the browser has BarcodeDetector, the camera reads the QR code into the
  // code field and sends the same form that works by hand. It restarts after each check-in.
  var scan = document.querySelector("[data-scan]");
  if (scan && "BarcodeDetector" in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    var scanForm = scan.querySelector("form");
    var scanInput = scanForm.querySelector("input[name=code]");
    var startButton = scan.querySelector("[data-scan-start]");
    var stopButton = scan.querySelector("[data-scan-stop]");
    var video = scan.querySelector("[data-scan-video]");
    var scanStatus = scan.querySelector("[data-scan-status]");
    var stream = null;
    var timer = null;
    var detector = null;
    try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { detector = null; }
    if (detector) {
      startButton.hidden = false;
      var halt = function () {
        if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
        stream = null;
        clearTimeout(timer);
        video.hidden = true;
        stopButton.hidden = true;
        startButton.hidden = false;
      };
      var tick = function () {
        if (!stream) return;
        detector.detect(video).then(function (found) {
          if (found.length && found[0].rawValue) {
            scanInput.value = found[0].rawValue;
            halt();
            try { sessionStorage.setItem("deskScan", "1"); } catch (e) {}
            scanForm.submit();
          } else {
            timer = setTimeout(tick, 200);
          }
        }, function () { timer = setTimeout(tick, 500); });
      };
      var begin = function () {
        navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          startButton.hidden = true;
          stopButton.hidden = false;
          scanStatus.textContent = "";
          return video.play();
        }).then(tick, function () {
          halt();
          scanStatus.textContent = scanStatus.getAttribute("data-no-camera") || "";
        });
      };
      startButton.addEventListener("click", begin);
      stopButton.addEventListener("click", function () {
        try { sessionStorage.removeItem("deskScan"); } catch (e) {}
        halt();
      });
      var again = false;
      try { again = sessionStorage.getItem("deskScan") === "1"; } catch (e) {}
      if (again) begin();
    }
  }
  // After a failed submit, move focus to the list of problems so screen readers announce it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
`;
