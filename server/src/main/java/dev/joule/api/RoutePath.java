package dev.joule.api;

import io.vertx.ext.web.Route;

/**
 * Whether a route's path template ({@code /api/v1/chargers/:id}) matches a request path, segment by
 * segment. Used only to tell 405 from 404; routing itself is Vert.x's.
 */
final class RoutePath {
  private RoutePath() {}

  static boolean matches(Route route, String path) {
    // Templates with parameters count as regex paths too, but keep their template; routes
    // declared by a regular expression have none, and are not matched here.
    String template = route.getPath();
    if (template == null) {
      return false;
    }
    String[] expected = template.split("/", -1);
    String[] actual = trimTrailingSlash(path).split("/", -1);
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      boolean parameter = expected[i].startsWith(":") && !actual[i].isEmpty();
      if (!parameter && !expected[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }

  private static String trimTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
