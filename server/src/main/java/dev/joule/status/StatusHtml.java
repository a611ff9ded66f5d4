package dev.joule.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The HTML of {@code /status}: a banner with the overall state, the components (and their nodes in
 * a cluster), open incidents with their timeline, past incidents. Plain HTML and a little CSS, no
 * script; every value escaped.
 */
final class StatusHtml {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:860px;\
      margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.45}
      h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem}
      .banner{padding:1rem 1.2rem;border-radius:6px;color:#fff;font-weight:600;margin:1rem 0}
      .operational{background:#2da44e} .degraded_performance{background:#d4a72c}
      .partial_outage{background:#e16f24} .major_outage{background:#cf222e}
      table{width:100%;border-collapse:collapse} td{padding:.55rem .4rem;border-bottom:1px solid #d0d7de}
      tr.component td{border-bottom:0}
      td.state{text-align:right;font-weight:600} tr.node td{padding-left:1.6rem;font-size:.92rem;color:#57606a}
      .s-operational{color:#1a7f37} .s-degraded_performance{color:#9a6700}
      .s-partial_outage{color:#bc4c00} .s-major_outage{color:#cf222e}
      .incident{border:1px solid #d0d7de;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
      .incident h3{margin:.1rem 0 .5rem;font-size:1.05rem} .meta{color:#57606a;font-size:.88rem}
      ol.timeline{list-style:none;padding-left:0;margin:0} ol.timeline li{margin:.45rem 0}
      .status{font-weight:600;text-transform:capitalize} footer{margin-top:2.5rem;color:#57606a;font-size:.85rem}
      tr.bars td{padding-top:0} svg.uptime{width:100%;height:30px;display:block}
      .b-operational{fill:#2da44e} .b-degraded_performance{fill:#d4a72c} .b-partial_outage{fill:#e16f24}
      .b-major_outage{fill:#cf222e} .b-no_data{fill:#d0d7de}
      .uptime-legend{display:flex;justify-content:space-between;font-size:.8rem;margin-top:.2rem}
      .incident h3 a{color:inherit;text-decoration:none} .incident h3 a:hover{text-decoration:underline}
      svg.chart{width:100%;height:auto;display:block;margin-top:1rem} svg.chart text{font-size:10px;fill:#57606a}
      svg.chart text.title{font-size:12px;font-weight:600;fill:#1f2328} svg.chart .grid{stroke:#eaeef2}
      svg.chart .span{fill:#fff8c5} svg.chart line.marker{stroke:#8c959f;stroke-dasharray:3 3}
      svg.chart path{fill:none;stroke-width:1.6} .l1{stroke:#0969da} .l2{stroke:#cf222e;stroke-dasharray:5 3}
      .legend{font-size:.8rem} .key{display:inline-block;width:14px;height:0;border-top:2px solid;margin:0 .3rem .2rem 0}
      .key.l1{border-color:#0969da} .key.l2{border-color:#cf222e;border-top-style:dashed}
      .l3{stroke:#8250df;stroke-dasharray:1 2} .key.l3{border-color:#8250df;border-top-style:dotted}
      """;

  private StatusHtml() {}

  /** The document up to and including the page's heading. */
  static StringBuilder head(String title) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>")
        .append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/status/feed.atom\">")
        .append("<style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n");
    return html;
  }

  static String page(StatusPage.Snapshot s) {
    StringBuilder html = head("Joule status");
    html.append("<div class=\"banner ")
        .append(s.status())
        .append("\">")
        .append(banner(s.status(), s.open().size()))
        .append("</div>\n");
    components(html, s.components());
    html.append("<h2>Open incidents</h2>\n");
    if (s.open().isEmpty()) {
      html.append("<p class=\"meta\">No open incidents.</p>\n");
    }
    s.open().forEach(incident -> incident(html, incident));
    html.append("<h2>Past incidents</h2>\n");
    if (s.past().isEmpty()) {
      html.append("<p class=\"meta\">No incidents reported.</p>\n");
    }
    s.past().forEach(incident -> incident(html, incident));
    html.append("<footer>Updated ")
        .append(time(s.at()))
        .append(
            " · <a href=\"/status.json\">JSON</a> · <a href=\"/status/feed.atom\">Atom feed</a>")
        .append("</footer>\n</body></html>\n");
    return html.toString();
  }

  private static String banner(String status, int open) {
    if (status.equals(ComponentState.OPERATIONAL.wire()) && open == 0) {
      return "All systems operational";
    }
    if (status.equals(ComponentState.OPERATIONAL.wire())) {
      return open + " open incident" + (open == 1 ? "" : "s");
    }
    return ComponentState.ofWire(status).title();
  }

  private static void components(StringBuilder html, List<ComponentView> components) {
    html.append("<h2>Components</h2>\n<table>\n");
    for (ComponentView component : components) {
      row(html, "component", component.name(), component);
      if (component.uptime() != null) {
        html.append("<tr class=\"bars\"><td colspan=\"2\">");
        UptimeBars.append(html, component.uptime());
        html.append("</td></tr>\n");
      }
      for (ComponentView node : component.instances()) {
        row(html, "node", "instance " + node.name(), node);
      }
    }
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String kind, String name, ComponentView view) {
    String title =
        view.status().equals("left") ? view.status() : ComponentState.ofWire(view.status()).title();
    html.append("<tr class=\"")
        .append(kind)
        .append("\"><td>")
        .append(Html.escape(name))
        .append(
            view.reason().isEmpty()
                ? ""
                : "<div class=\"meta\">" + Html.escape(view.reason()) + "</div>")
        .append("</td><td class=\"state s-")
        .append(Html.escape(view.status()))
        .append("\">")
        .append(Html.escape(title))
        .append("</td></tr>\n");
  }

  static void incident(StringBuilder html, Incident incident) {
    html.append("<div class=\"incident\" id=\"incident-")
        .append(incident.id())
        .append("\"><h3><a href=\"/status/incidents/")
        .append(incident.id())
        .append("\">")
        .append(Html.escape(incident.title()))
        .append("</a></h3><div class=\"meta\">Impact: ")
        .append(Html.escape(incident.impact()))
        .append(" · Components: ")
        .append(Html.escape(String.join(", ", incident.components())))
        .append(" · Opened ")
        .append(time(incident.openedAt()))
        .append(incident.resolvedAt() == null ? "" : " · Resolved " + time(incident.resolvedAt()))
        .append(incident.open() ? "" : postmortemLink(incident.id()))
        .append("</div>\n<ol class=\"timeline\">\n");
    for (IncidentUpdate update : incident.updates().reversed()) {
      html.append("<li><span class=\"status\">")
          .append(Html.escape(update.status()))
          .append("</span> — ")
          .append(Html.escape(update.text()))
          .append(" <span class=\"meta\">")
          .append(time(update.at()))
          .append("</span></li>\n");
    }
    html.append("</ol></div>\n");
  }

  /** The operator API's draft (it takes an API token, like every /api/v1 route). */
  private static String postmortemLink(long id) {
    return " · <a class=\"postmortem\" href=\"/api/v1/incidents/"
        + id
        + "/postmortem\">Postmortem draft</a>";
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }
}
