package dev.joule.store;

import static dev.joule.store.TestPostgres.await;
import static dev.joule.store.TestPostgres.execute;
import static dev.joule.store.TestPostgres.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageLogTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00.123456Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String HEARTBEAT = "[2,\"19223201\",\"Heartbeat\",{}]";
  static final String HEARTBEAT_RESULT =
      "[3,\"19223201\",{\"currentTime\":\"2026-11-24T12:00:00Z\"}]";

  @TempDir static Path dataDir;
  static EmbeddedPostgres server;
  static Database database;

  @BeforeAll
  static void start() {
    server = TestPostgres.start(dataDir);
    database = Database.open(server, 4);
  }

  @AfterAll
  static void stop() {
    database.close();
    server.close();
  }

  @BeforeEach
  void emptyTheLog() {
    execute(server.jdbcUrl(), "TRUNCATE message_log");
  }

  static MessageLog.Settings settings(int capacity, int batchSize, Duration flushEvery) {
    return new MessageLog.Settings(
        capacity, batchSize, flushEvery, Duration.ofDays(7), Duration.ofHours(1));
  }

  @Test
  void recordedFramesAreWrittenWithChargerDirectionAndTime() {
    try (MessageLog log =
        MessageLog.start(database, CLOCK, settings(100, 10, Duration.ofMillis(20)))) {
      log.record("CP-1", true, HEARTBEAT, NOW);
      log.record("CP-1", false, HEARTBEAT_RESULT, NOW.plusMillis(3));

      await("2 rows written", () -> rows() == 2);
      assertThat(log.written()).isEqualTo(2);
      assertThat(log.dropped()).isZero();
    }
    assertThat(logRows())
        .containsExactly(
            tuple("CP-1", "IN", HEARTBEAT, NOW),
            tuple("CP-1", "OUT", HEARTBEAT_RESULT, NOW.plusMillis(3)));
  }

  @Test
  void framesAreWrittenOneBatchPerTransaction() {
    try (MessageLog log = MessageLog.start(database, CLOCK, settings(10_000, 500, ofSeconds(5)))) {
      for (int i = 0; i < 5_000; i++) {
        log.record("CP-" + (i % 7), i % 2 == 0, "[2,\"" + i + "\",\"Heartbeat\",{}]", NOW);
      }
      await("5000 rows written", () -> rows() == 5_000);
    }
    // Rows inserted by one transaction share its xmin: full batches, not a row at a time.
    assertThat(queryLong(server.jdbcUrl(), "SELECT count(DISTINCT xmin::text) FROM message_log"))
        .isEqualTo(10);
  }

  @Test
  void closeWritesWhatIsStillBuffered() {
    MessageLog log = MessageLog.start(database, CLOCK, settings(100, 100, ofSeconds(30)));
    log.record("CP-1", true, HEARTBEAT, NOW);
    log.record("CP-2", true, HEARTBEAT, NOW);
    log.record("CP-3", true, HEARTBEAT, NOW);

    log.close();

    assertThat(rows()).isEqualTo(3);
    assertThat(log.written()).isEqualTo(3);
  }

  @Test
  void fullBufferDropsAndCountsInsteadOfWaiting() throws Exception {
    try (Connection locker = DriverManager.getConnection(server.jdbcUrl());
        MessageLog log =
            MessageLog.start(database, CLOCK, settings(10, 10, Duration.ofMillis(10)))) {
      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE message_log IN ACCESS EXCLUSIVE MODE");
      }
      log.record("CP-1", true, HEARTBEAT, NOW);
      await("writer waits for the table lock", () -> writerWaitsForLock());

      for (int i = 0; i < 15; i++) {
        log.record("CP-1", true, HEARTBEAT, NOW);
      }

      assertThat(log.dropped()).isEqualTo(5);
      locker.commit();
      await("11 rows written", () -> rows() == 11);
      // The writer counts a batch after its commit, so the rows can be visible a moment earlier.
      await("11 rows counted", () -> log.written() >= 11);
      assertThat(log.written()).isEqualTo(11);
    }
  }

  @Test
  void framesThatCannotBeWrittenAreCountedAsDropped() {
    Database closed = Database.open(server, 2);
    MessageLog log = MessageLog.start(closed, CLOCK, settings(100, 100, ofSeconds(30)));
    closed.close();
    log.record("CP-1", true, HEARTBEAT, NOW);
    log.record("CP-1", false, HEARTBEAT_RESULT, NOW);

    log.close();

    assertThat(log.dropped()).isEqualTo(2);
    assertThat(log.written()).isZero();
  }

  @Test
  void nulCharacterIsReplacedInsteadOfFailingTheBatch() {
    try (MessageLog log =
        MessageLog.start(database, CLOCK, settings(100, 100, Duration.ofMillis(10)))) {
      log.record("CP-1", true, "[2,\"1\",\"DataTransfer\",{\"data\":\"a\u0000b\"}]", NOW);
      log.record("CP-1", true, HEARTBEAT, NOW);

      await("2 rows written", () -> rows() == 2);
      assertThat(log.dropped()).isZero();
    }
    assertThat(logRows())
        .extracting(row -> row.toList().get(2))
        .contains("[2,\"1\",\"DataTransfer\",{\"data\":\"a\uFFFDb\"}]");
  }

  @Test
  void framesWithCopyEscapesAndAnyUnicodeAreStoredExactly() {
    String frame =
        "[2,\"1\",\"DataTransfer\",{\"data\":\"back\\\\slash \\\"q\\\" tab\there\nline\rcr"
            + " \\\\N \u00e9\u20ac\ud83d\udd0c\"}]";
    try (MessageLog log =
        MessageLog.start(database, CLOCK, settings(100, 100, Duration.ofMillis(10)))) {
      log.record("CP-\\\t1", true, frame, NOW);

      await("1 row written", () -> rows() == 1);
    }
    assertThat(logRows()).containsExactly(tuple("CP-\\\t1", "IN", frame, NOW));
  }

  @Test
  void purgeDeletesOnlyRowsOlderThanTheRetentionInChunks() {
    try (MessageLog log =
        MessageLog.start(database, CLOCK, settings(100, 100, Duration.ofMillis(10)))) {
      for (int i = 0; i < 25; i++) {
        log.record("CP-OLD", true, HEARTBEAT, NOW.minus(Duration.ofDays(3)));
      }
      for (int i = 0; i < 5; i++) {
        log.record("CP-NEW", true, HEARTBEAT, NOW.minus(Duration.ofHours(1)));
      }
      await("30 rows written", () -> rows() == 30);

      assertThat(log.purgeOlderThan(Duration.ofDays(2), 7)).isEqualTo(25);
    }
    assertThat(logRows()).extracting(row -> row.toList().get(0)).containsOnly("CP-NEW").hasSize(5);
  }

  @Test
  void purgeRunsOnItsSchedule() {
    var settings =
        new MessageLog.Settings(
            100, 100, Duration.ofMillis(10), Duration.ofDays(1), Duration.ofMillis(50));
    try (MessageLog log = MessageLog.start(database, CLOCK, settings)) {
      log.record("CP-OLD", true, HEARTBEAT, NOW.minus(Duration.ofDays(2)));
      log.record("CP-NEW", true, HEARTBEAT, NOW);

      await("rows older than a day purged", () -> rows() == 1);
    }
    assertThat(logRows()).extracting(row -> row.toList().get(0)).containsExactly("CP-NEW");
  }

  @Test
  void recordingAfterCloseIsDropped() {
    MessageLog log = MessageLog.start(database, CLOCK, settings(100, 100, Duration.ofMillis(10)));
    log.close();

    log.record("CP-1", true, HEARTBEAT, NOW);

    assertThat(log.dropped()).isEqualTo(1);
    assertThat(rows()).isZero();
  }

  private static Duration ofSeconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static long rows() {
    return queryLong(server.jdbcUrl(), "SELECT count(*) FROM message_log");
  }

  private static boolean writerWaitsForLock() {
    return queryLong(
            server.jdbcUrl(),
            "SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = 'joule' AND wait_event_type = 'Lock'")
        == 1;
  }

  private static List<Tuple> logRows() {
    return database.inTransaction(
        connection -> {
          List<Tuple> rows = new ArrayList<>();
          try (Statement select = connection.createStatement();
              ResultSet result =
                  select.executeQuery(
                      "SELECT charger_id, direction, frame, at FROM message_log ORDER BY id")) {
            while (result.next()) {
              rows.add(
                  tuple(
                      result.getString(1),
                      result.getString(2),
                      result.getString(3),
                      result.getObject(4, OffsetDateTime.class).toInstant()));
            }
          }
          return rows;
        });
  }
}
