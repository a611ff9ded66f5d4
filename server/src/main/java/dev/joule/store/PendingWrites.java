package dev.joule.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows the messages of one batch add to the high-volume tables (meter values, status history,
 * current status, heartbeats), written by one statement per table just before the batch commits.
 * Per message that saves a round trip and an executor start-up for every row; the rows still commit
 * in the same transaction as everything else the message did, so the answer still follows the
 * commit (rule 1).
 *
 * <p>Not thread-safe: one batch, one worker thread.
 */
public final class PendingWrites {

  /** Writes the rows of one kind, collected in the order they were added, with one statement. */
  @FunctionalInterface
  interface Writer<R> {
    void write(Connection connection, List<R> rows) throws SQLException;
  }

  // Insertion-ordered, so tables are written in the order a batch first touched them.
  private final Map<Writer<?>, List<Object>> rows = new LinkedHashMap<>();

  <R> void add(Writer<R> writer, R row) {
    rows.computeIfAbsent(writer, w -> new ArrayList<>()).add(row);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Writes every collected row and forgets them. */
  @SuppressWarnings("unchecked")
  public void flush(Connection connection) {
    try {
      for (Map.Entry<Writer<?>, List<Object>> entry : rows.entrySet()) {
        ((Writer<Object>) entry.getKey()).write(connection, entry.getValue());
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    } finally {
      rows.clear();
    }
  }

  /** Forgets the collected rows without writing them (the batch rolled back). */
  public void discard() {
    rows.clear();
  }
}
