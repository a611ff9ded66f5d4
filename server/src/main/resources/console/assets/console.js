// Live updates for the console. The events stream (docs/events.md) says what changed; each part of
// the page that shows it carries data-on (the event types it shows) and either data-live (the URL
// of its fragment, re-read with htmx) or data-batch (the URL that renders many such parts at once,
// keyed by data-charger: the rows of the chargers list). The HTML is rendered in one place, the
// server, and escaped there.
//
// Events are only collected as they arrive; every 250 ms one pass over the page decides what to
// re-read, so a burst of events (1,000 status changes a second) costs one request per part, and
// one request for all the rows of a list, not one per event. A part whose request is still running
// is read once more when it ends, so the last event always shows. A charger.connected event for a
// charger the page has no row of is "charger.new": the part that lists chargers re-reads itself
// with its own filter and page, so a new charger appears where it belongs.
(function () {
  "use strict";
  var stream = document.body.getAttribute("data-events");
  if (!stream || !window.EventSource || !window.htmx) {
    return;
  }
  var PERIOD = 250;
  var seen = new Map(); // chargerId -> Set of event types since the last pass
  var types = new Set(); // every event type since the last pass
  var pending = new Set(); // data-live URLs to re-read
  var batches = new Map(); // data-batch URL -> Set of chargerIds to re-read
  var running = new Set(); // URLs with a request under way
  var timer = null;

  function schedule() {
    if (timer === null && (seen.size > 0 || pending.size > 0 || batches.size > 0)) {
      timer = setTimeout(pass, PERIOD);
    }
  }

  function finisher(url) {
    var finished = false;
    return function () {
      if (!finished) {
        finished = true;
        running.delete(url);
        schedule();
      }
    };
  }

  function load(url) {
    var target = document.querySelector('[data-live="' + CSS.escape(url) + '"]');
    if (target === null) {
      return;
    }
    if (running.has(url)) {
      pending.add(url);
      return;
    }
    running.add(url);
    var done = finisher(url);
    var before = new Set(Array.from(target.querySelectorAll("[data-charger]"), function (e) {
      return e.getAttribute("data-charger");
    }));
    // The part is its own source: htmx synchronises requests per source element, and with the
    // default source (the body) concurrent refreshes of different parts would drop each other.
    htmx.ajax("GET", url, {
      source: target,
      target: target,
      swap: target.getAttribute("data-swap") || "innerHTML"
    }).then(function () {
      target.querySelectorAll("[data-charger]").forEach(function (e) {
        if (!before.has(e.getAttribute("data-charger"))) {
          e.classList.add("arrived");
        }
      });
      done();
    }, done);
    setTimeout(done, 10000); // a request htmx dropped may never settle its promise
  }

  function sessionEnded(response) {
    var to = response.headers.get("HX-Redirect");
    if (to) {
      window.location.href = to;
      return true;
    }
    return false;
  }

  // One request for many rows: each element of the answer replaces the element of the page with
  // the same data-batch and data-charger.
  function loadBatch(url, ids) {
    if (running.has(url)) {
      ids.forEach(function (id) { want(url, id); });
      return;
    }
    running.add(url);
    var done = finisher(url);
    var query = Array.from(ids, function (id) { return "id=" + encodeURIComponent(id); });
    fetch(url + "?" + query.join("&"), {headers: {"HX-Request": "true"}, credentials: "same-origin"})
      .then(function (response) {
        if (sessionEnded(response) || !response.ok) {
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html !== null && html !== undefined) {
          var fresh = document.createElement("template");
          fresh.innerHTML = html;
          Array.from(fresh.content.children).forEach(function (element) {
            var id = element.getAttribute("data-charger");
            var old = document.querySelector('[data-batch="' + CSS.escape(url) + '"][data-charger="'
              + CSS.escape(id) + '"]');
            if (old !== null) {
              if (old.classList.contains("arrived")) {
                element.classList.add("arrived");
              }
              old.replaceWith(element);
            }
          });
        }
      })
      .finally(done); // a failure stays visible in the browser's console
    setTimeout(done, 10000); // a request that never settles must not stop the updates
  }

  function want(url, id) {
    var ids = batches.get(url);
    if (!ids) {
      ids = new Set();
      batches.set(url, ids);
    }
    ids.add(id);
  }

  function shows(element, happened) {
    var on = (element.getAttribute("data-on") || "").split(" ");
    for (var i = 0; i < on.length; i++) {
      if (happened.has(on[i])) {
        return true;
      }
    }
    return false;
  }

  function pass() {
    timer = null;
    var rows = new Set();
    var lists = [];
    document.querySelectorAll("[data-on]").forEach(function (element) {
      var charger = element.getAttribute("data-charger");
      if (charger !== null) {
        rows.add(charger);
        var happened = seen.get(charger);
        if (happened && shows(element, happened)) {
          var batch = element.getAttribute("data-batch");
          if (batch !== null) {
            want(batch, charger);
          } else {
            pending.add(element.getAttribute("data-live"));
          }
        }
      } else if (element.getAttribute("data-on").split(" ").indexOf("charger.new") >= 0) {
        lists.push(element);
      } else if (shows(element, types)) {
        pending.add(element.getAttribute("data-live"));
      }
    });
    if (lists.length > 0) {
      var arrived = false;
      seen.forEach(function (happened, charger) {
        if (!rows.has(charger) && happened.has("charger.connected")) {
          arrived = true;
        }
      });
      lists.forEach(function (list) {
        var url = list.getAttribute("data-live");
        // An event for a charger without a row while the list is being read: read it once more,
        // the row may have been missing from what is being read.
        var rowless = Array.from(seen.keys()).some(function (c) { return !rows.has(c); });
        if (arrived || (rowless && running.has(url))) {
          pending.add(url);
        }
      });
    }
    seen.clear();
    types.clear();
    var urls = Array.from(pending);
    pending.clear();
    urls.forEach(load);
    var wanted = Array.from(batches);
    batches.clear();
    wanted.forEach(function (entry) { loadBatch(entry[0], entry[1]); });
  }

  function changed(type, chargerId) {
    var happened = seen.get(chargerId);
    if (!happened) {
      happened = new Set();
      seen.set(chargerId, happened);
    }
    happened.add(type);
    types.add(type);
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
