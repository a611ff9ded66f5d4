package dev.joule.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Console paths with a charger id in them: ids may hold ':', spaces or '/' (OCPP-J §3.1.1). */
final class Links {
  private Links() {}

  static String charger(String id) {
    return Console.CHARGERS + "/" + segment(id);
  }

  /** {@code value} percent-encoded for a path segment or query value (space as %20, not +). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
