package dev.joule.status;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML of {@code /status/incidents/{id}}: the incident with its timeline and, around it, a
 * chart of the processing rate, the backlog and the oldest waiting message (server-rendered SVG, no
 * script), each update marked on it.
 */
final class IncidentHtml {
  private IncidentHtml() {}

  static String page(Incidents.Charted charted) {
    Incident incident = charted.incident();
    ChartPoints points = charted.points();
    long spanFrom = charted.spanFrom();
    long spanTo = charted.spanTo();
    StringBuilder html = StatusHtml.head(incident.title());
    html.append("<p class=\"meta\"><a href=\"/status\">← All systems</a></p>\n");
    StatusHtml.incident(html, incident);
    html.append("<h2>Around the incident</h2>\n<p class=\"meta\">Shaded: from opening to ")
        .append(incident.open() ? "now" : "resolution")
        .append(". ")
        .append(
            points.width() == 1 ? "One point per second" : "One point per " + points.width() + " s")
        .append(", from what the gateways and the acting supervisor recorded (UTC).</p>\n");
    List<SvgChart.Marker> markers = new ArrayList<>();
    for (IncidentUpdate update : incident.updates()) {
      markers.add(new SvgChart.Marker(update.at().getEpochSecond(), update.status()));
    }
    SvgChart.panel(
        html,
        "Processing rate",
        "CALLs answered per second",
        points.seconds(),
        points.width(),
        List.of(new SvgChart.Line("answered per second", "l1", points.answeredPerSecond())),
        markers,
        spanFrom,
        spanTo);
    SvgChart.panel(
        html,
        "Backlog",
        "messages",
        points.seconds(),
        points.width(),
        List.of(
            new SvgChart.Line("CALLs in flight at the gateways", "l1", points.inFlight()),
            new SvgChart.Line("messages waiting in the inbox", "l2", points.backlog())),
        markers,
        spanFrom,
        spanTo);
    SvgChart.panel(
        html,
        "Waiting",
        "seconds",
        points.seconds(),
        points.width(),
        List.of(
            new SvgChart.Line("longest wait of a CALL answered", "l1", points.longestWaitSeconds()),
            new SvgChart.Line(
                "oldest message waiting in the inbox", "l2", points.oldestWaitingSeconds()),
            new SvgChart.Line(
                "longest a worker held its batch", "l3", points.longestHeldSeconds())),
        markers,
        spanFrom,
        spanTo);
    html.append("<footer><a href=\"/status\">Status</a> · <a href=\"/status.json\">JSON</a>")
        .append(" · <a href=\"/status/feed.atom\">Atom feed</a></footer>\n</body></html>\n");
    return html.toString();
  }
}
