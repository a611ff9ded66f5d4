package dev.joule.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /status/feed.atom}: one Atom entry per incident update, newest first (RFC 4287). */
final class AtomFeed {
  private AtomFeed() {}

  static String of(List<Map.Entry<String, IncidentUpdate>> updates, Instant now) {
    Instant updated = updates.isEmpty() ? now : updates.getFirst().getValue().at();
    StringBuilder xml = new StringBuilder(4096);
    xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("<title>Joule status: incident updates</title>\n")
        .append("<id>urn:joule:status</id>\n")
        .append("<link rel=\"alternate\" href=\"/status\"/>\n")
        .append("<updated>")
        .append(updated)
        .append("</updated>\n");
    for (Map.Entry<String, IncidentUpdate> entry : updates) {
      IncidentUpdate update = entry.getValue();
      xml.append("<entry><id>urn:joule:incident:")
          .append(update.incidentId())
          .append(":update:")
          .append(update.id())
          .append("</id><title>")
          .append(Html.escape(entry.getKey() + ": " + update.status()))
          .append("</title><updated>")
          .append(update.at())
          .append("</updated><author><name>")
          .append(Html.escape(update.author()))
          .append("</name></author><link href=\"/status#incident-")
          .append(update.incidentId())
          .append("\"/><content type=\"text\">")
          .append(Html.escape(update.text()))
          .append("</content></entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }
}
