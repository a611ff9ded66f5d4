package dev.joule.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of one request, checked against the names its endpoint takes. An unknown
 * name is a 400 rather than ignored: a misspelt filter ({@code chargerid=}) would otherwise return
 * the unfiltered list and look like an answer. A name given twice is a 400 too.
 */
final class Query {
  static final String LIMIT = "limit";
  static final String CURSOR = "cursor";

  private final MultiMap params;

  private Query(MultiMap params) {
    this.params = params;
  }

  /** The query of {@code rc}, which may only use the names in {@code accepted}. */
  static Query of(RoutingContext rc, String... accepted) {
    MultiMap params;
    try {
      params = rc.queryParams();
    } catch (RuntimeException e) { // Vert.x fails to decode, e.g. "%ZZ"
      throw ApiException.badParameter("query", "malformed percent-encoding");
    }
    Set<String> names = Set.of(accepted);
    for (String name : params.names()) {
      if (!names.contains(name)) {
        String takes = accepted.length == 0 ? "none" : String.join(", ", accepted);
        throw ApiException.badParameter(name, "unknown parameter; this endpoint takes " + takes);
      }
      if (params.getAll(name).size() > 1) {
        throw ApiException.badParameter(name, "given more than once");
      }
    }
    return new Query(params);
  }

  /** The query of a list endpoint: its filters plus {@code limit} and {@code cursor}. */
  static Query ofList(RoutingContext rc, String... filters) {
    String[] accepted = new String[filters.length + 2];
    System.arraycopy(filters, 0, accepted, 0, filters.length);
    accepted[filters.length] = LIMIT;
    accepted[filters.length + 1] = CURSOR;
    return of(rc, accepted);
  }

  Optional<String> text(String name) {
    String value = params.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isEmpty()) {
      throw ApiException.badParameter(name, "must not be empty");
    }
    return Optional.of(value);
  }

  Optional<Instant> instant(String name) {
    return text(name).map(value -> Params.instant(name, value));
  }

  Optional<Integer> integer(String name, int min, int max) {
    return text(name).map(value -> Params.integer(name, value, min, max));
  }

  /** The page asked for: {@code limit} (default 50, 1 to 500) and the {@code cursor}, if any. */
  PageRequest page(String list, int keyParts) {
    int limit = integer(LIMIT, 1, PageRequest.MAX_LIMIT).orElse(PageRequest.DEFAULT_LIMIT);
    List<String> after =
        text(CURSOR).map(token -> Cursor.decode(list, token, keyParts)).orElse(List.of());
    return new PageRequest(list, limit, after);
  }
}
