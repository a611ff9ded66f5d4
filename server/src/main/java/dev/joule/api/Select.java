package dev.joule.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT put together from optional filters, each condition with its own bound values; values are
 * always bound, never spliced into the text.
 */
final class Select {
  private final String from;
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private String orderBy = "";
  private int limit = -1;

  /** {@code from} is everything up to WHERE: {@code SELECT ... FROM ... [JOIN ...]}. */
  Select(String from) {
    this.from = from;
  }

  Select where(String condition, Object... bound) {
    conditions.add(condition);
    values.addAll(List.of(bound));
    return this;
  }

  Select orderBy(String order) {
    this.orderBy = " ORDER BY " + order;
    return this;
  }

  /** Fetches one row more than a page holds, which tells whether a next page exists. */
  Select pageOf(PageRequest page) {
    this.limit = page.limit() + 1;
    return this;
  }

  String sql() {
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return from + where + orderBy + (limit < 0 ? "" : " LIMIT " + limit);
  }

  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql());
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) instanceof TextArray array) {
        statement.setArray(i + 1, connection.createArrayOf("text", array.values().toArray()));
      } else {
        statement.setObject(i + 1, jdbcValue(values.get(i)));
      }
    }
    return statement;
  }

  /** A bound {@code text[]}, e.g. for {@code id = ANY (?)}. */
  record TextArray(java.util.Collection<String> values) {}

  static Object jdbcValue(Object value) {
    return value instanceof Instant instant
        ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
        : value;
  }
}
