// Live updates for the console. The events stream (docs/events.md) says what changed; each part of
// the page that shows it carries data-live (the URL of its fragment) and data-on (the event types
// it shows), and htmx re-reads that fragment from the server: the HTML is rendered in one place,
// the server, and escaped there. Refreshes are coalesced for 250 ms, so a burst of events costs one
// request per part of the page, not one per event.
(function () {
  "use strict";
  var stream = document.body.getAttribute("data-events");
  if (!stream || !window.EventSource || !window.htmx) {
    return;
  }
  var pending = new Set();
  var timer = null;

  function refresh() {
    timer = null;
    pending.forEach(function (part) {
      if (part.isConnected) {
        htmx.ajax("GET", part.getAttribute("data-live"), {
          target: part,
          swap: part.getAttribute("data-swap") || "innerHTML"
        });
      }
    });
    pending.clear();
  }

  function changed(type, chargerId) {
    document.querySelectorAll("[data-live]").forEach(function (part) {
      var on = (part.getAttribute("data-on") || "").split(" ");
      var charger = part.getAttribute("data-charger");
      if (on.indexOf(type) >= 0 && (charger === null || charger === chargerId)) {
        pending.add(part);
      }
    });
    if (pending.size > 0 && timer === null) {
      timer = setTimeout(refresh, 250);
    }
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
