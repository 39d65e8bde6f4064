// Course home: while a sync runs (or after "Connect to Canvas" opened Canvas in a new window), poll the
// status JSON and update the server-rendered progress bar; reload once the connection state changes.
(function () {
  "use strict";
  var panel = document.getElementById("sync-panel");
  if (!panel) { return; }
  var url = panel.getAttribute("data-status-url");
  var connected = panel.getAttribute("data-connected") === "true";
  var timer = null;
  var watchingConnect = false;

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value === null || value === undefined ? "" : String(value); }
  }

  function when(value) {
    if (!value) { return "never"; }
    var d = new Date(value);
    return isNaN(d.getTime()) ? value : d.toUTCString();
  }

  function render(s) {
    var bar = document.getElementById("sync-progress");
    if (bar) {
      bar.value = s.percent;
      bar.setAttribute("aria-valuenow", String(s.percent));
      bar.textContent = s.percent + " %";
    }
    text("sync-percent", s.percent + " %");
    text("sync-state", s.phaseLabel);
    text("sync-counts", s.pagesDone + " pages and " + s.itemsDone + " records read in the " + (s.running ? "current" : "last") + " run.");
    text("sync-last-success", when(s.lastSuccessAt));
    var error = document.getElementById("sync-error");
    if (error) {
      error.hidden = !s.lastError;
      text("sync-error-message", s.lastError);
      text("sync-error-code", s.lastErrorCode);
      text("sync-error-advice", s.advice);
    }
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { stop(); return; }
        render(s);
        if (s.connected === true && !connected) { window.location.reload(); return; }
        if (!s.running && !watchingConnect) { stop(); }
      })
      .catch(function () { stop(); });
  }

  function start(intervalMs) {
    if (timer === null) { timer = window.setInterval(poll, intervalMs); }
  }

  function stop() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
  }

  if (panel.getAttribute("data-running") === "true") { start(2000); }

  var connect = document.getElementById("canvas-connect");
  if (connect) {
    connect.addEventListener("click", function () { watchingConnect = true; start(3000); });
  }
})();
