package dev.joule.console;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** A request's query or form fields as the console's pages read them: absent is empty. */
final class Forms {
  private Forms() {}

  /** The field trimmed, or empty when absent. */
  static String param(RoutingContext rc, String name) {
    String value = rc.request().getParam(name);
    return value == null ? "" : value.trim();
  }

  /** The field, or empty when absent or blank. */
  static Optional<String> optional(RoutingContext rc, String name) {
    return Optional.of(param(rc, name)).filter(value -> !value.isEmpty());
  }
}
