// Live updates for the console. The events stream (docs/events.md) says what changed; each part of
// the page that shows it carries data-live (the URL of its fragment) and data-on (the event types
// it shows), and htmx re-reads that fragment from the server: the HTML is rendered in one place,
// the server, and escaped there. Refreshes are coalesced for 250 ms, so a burst of events costs one
// request per part of the page, not one per event; a part whose request is still running is read
// once more when it ends (htmx drops a second request on a busy element), so the last event always
// shows.
(function () {
  "use strict";
  var stream = document.body.getAttribute("data-events");
  if (!stream || !window.EventSource || !window.htmx) {
    return;
  }
  var pending = new Set(); // data-live URLs to re-read
  var running = new Set();
  var timer = null;

  function part(url) {
    return document.querySelector('[data-live="' + CSS.escape(url) + '"]');
  }

  function schedule() {
    if (pending.size > 0 && timer === null) {
      timer = setTimeout(refresh, 250);
    }
  }

  function load(url) {
    var target = part(url);
    if (target === null) {
      return;
    }
    if (running.has(url)) {
      pending.add(url);
      return;
    }
    running.add(url);
    var finished = false;
    var done = function () {
      if (!finished) {
        finished = true;
        running.delete(url);
        schedule();
      }
    };
    // The part is its own source: htmx synchronises requests per source element, and with the
    // default source (the body) concurrent refreshes of different parts would drop each other.
    htmx.ajax("GET", url, {
      source: target,
      target: target,
      swap: target.getAttribute("data-swap") || "innerHTML"
    }).then(done, done);
    setTimeout(done, 10000); // a request htmx dropped may never settle its promise

  }

  function refresh() {
    timer = null;
    var urls = Array.from(pending);
    pending.clear();
    urls.forEach(load);
  }

  function changed(type, chargerId) {
    document.querySelectorAll("[data-live]").forEach(function (element) {
      var on = (element.getAttribute("data-on") || "").split(" ");
      var charger = element.getAttribute("data-charger");
      if (on.indexOf(type) >= 0 && (charger === null || charger === chargerId)) {
        pending.add(element.getAttribute("data-live"));
      }
    });
    schedule();
  }

  var events = new EventSource(stream);
  ["charger.connected", "charger.disconnected", "connector.status", "transaction.started",
    "transaction.stopped", "command.status"].forEach(function (type) {
    events.addEventListener(type, function (event) {
      changed(type, JSON.parse(event.data).chargerId);
    });
  });
  events.addEventListener("open", function () {
    document.body.setAttribute("data-live-open", "true");
  });
  events.addEventListener("error", function () {
    document.body.setAttribute("data-live-open", "false");
  });
})();
