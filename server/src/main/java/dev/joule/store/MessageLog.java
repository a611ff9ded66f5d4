package dev.joule.store;

import dev.joule.gateway.FrameLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log: every frame in and out of every connection, kept for a retention period.
 *
 * <p>{@link #record} runs on the gateway's event loop, so it only puts the frame into a bounded
 * buffer; one writer thread inserts the buffer in batches. When the buffer is full the frame is
 * dropped and counted ({@link #dropped}): the log is diagnostic, and processing never waits for it.
 * Rows older than the retention are purged every {@code purgeEvery}.
 */
public final class MessageLog implements FrameLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MessageLog.class);

  /**
   * @param capacity frames buffered in memory before new ones are dropped
   * @param batchSize most frames written by one COPY
   * @param flushEvery longest a frame waits in the buffer when fewer than a batch arrive
   * @param retention how long rows are kept
   * @param purgeEvery how often rows older than the retention are deleted
   */
  public record Settings(
      int capacity, int batchSize, Duration flushEvery, Duration retention, Duration purgeEvery) {
    public static final Settings DEFAULTS =
        new Settings(
            10_000, 1_000, Duration.ofMillis(100), Duration.ofDays(7), Duration.ofHours(1));

    public Settings {
      if (capacity < 1 || batchSize < 1) {
        throw new IllegalArgumentException("capacity and batch size must be at least 1");
      }
      for (Duration duration : List.of(flushEvery, retention, purgeEvery)) {
        if (duration.isNegative() || duration.isZero()) {
          throw new IllegalArgumentException("durations must be positive, was " + duration);
        }
      }
    }
  }

  static final int PURGE_CHUNK = 10_000;

  // COPY, not INSERT: the rows stream in as text with no statement, array or quoting per frame.
  private static final String COPY =
      "COPY message_log (charger_id, direction, frame, at) FROM STDIN";

  private static final String DELETE_CHUNK =
      """
      DELETE FROM message_log WHERE ctid = ANY (ARRAY(
        SELECT ctid FROM message_log WHERE at < ? LIMIT ?))""";

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private record Entry(String chargerId, boolean inbound, String frame, Instant at) {}

  // Put into the buffer by close() so that the writer stops waiting for frames at once.
  private static final Entry WAKE_UP = new Entry("", false, "", Instant.EPOCH);

  private final Database database;
  private final Clock clock;
  private final Settings settings;
  private final BlockingQueue<Entry> buffer;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final Thread writer;
  private final ScheduledExecutorService purger;
  private boolean failing; // writer thread only

  private MessageLog(Database database, Clock clock, Settings settings) {
    this.database = database;
    this.clock = clock;
    this.settings = settings;
    this.buffer = new LinkedBlockingQueue<>(settings.capacity());
    // A platform thread: it blocks in JDBC on every write (see Processor's workers).
    this.writer =
        Thread.ofPlatform()
            .daemon(true)
            .name("message-log-writer")
            .unstarted(this::writeUntilClosed);
    this.purger =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("message-log-purge").factory());
  }

  /** Starts the writer thread and the purge schedule. */
  public static MessageLog start(Database database, Clock clock, Settings settings) {
    MessageLog log =
        new MessageLog(
            Objects.requireNonNull(database, "database"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(settings, "settings"));
    log.writer.start();
    long every = settings.purgeEvery().toNanos();
    log.purger.scheduleWithFixedDelay(log::purgeOnSchedule, every, every, TimeUnit.NANOSECONDS);
    return log;
  }

  /** Never blocks: a frame that does not fit in the buffer is dropped and counted. */
  @Override
  public void record(String chargerId, boolean inbound, String frame, Instant at) {
    if (closing.get() || !buffer.offer(new Entry(chargerId, inbound, frame, at))) {
      dropped.increment();
    }
  }

  /** Frames lost since start: the buffer was full, or writing them failed. */
  public long dropped() {
    return dropped.sum();
  }

  /** Frames written since start. */
  public long written() {
    return written.sum();
  }

  /**
   * Deletes rows older than {@code retention}, a chunk per transaction so that no long transaction
   * holds back the writer or vacuum.
   *
   * @return the number of rows deleted
   */
  public long purgeOlderThan(Duration retention) {
    return purgeOlderThan(retention, PURGE_CHUNK);
  }

  long purgeOlderThan(Duration retention, int chunk) {
    var cutoff = clock.instant().minus(retention).atOffset(ZoneOffset.UTC);
    long total = 0;
    int deleted;
    do {
      deleted =
          database.inTransaction(
              connection -> {
                relaxDurability(connection);
                try (PreparedStatement delete = connection.prepareStatement(DELETE_CHUNK)) {
                  delete.setObject(1, cutoff);
                  delete.setInt(2, chunk);
                  return delete.executeUpdate();
                }
              });
      total += deleted;
    } while (deleted == chunk && !closing.get());
    return total;
  }

  /** Stops recording, writes what is buffered, and stops the writer and the purge schedule. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    purger.shutdown();
    buffer.offer(WAKE_UP); // if the buffer is full, the writer is not waiting anyway
    try {
      if (!writer.join(CLOSE_WAIT)) {
        LOG.warn("Message log: writer still busy after {} s; not waiting", CLOSE_WAIT.toSeconds());
      }
      if (!purger.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        purger.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Recorded while the writer made its last flush.
    buffer.removeIf(entry -> entry == WAKE_UP);
    dropped.add(buffer.size());
    buffer.clear();
  }

  private void writeUntilClosed() {
    List<Entry> batch = new ArrayList<>(settings.batchSize());
    try {
      while (!closing.get()) {
        Entry first = buffer.poll(settings.flushEvery().toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
          batch.add(first);
          fill(batch);
          write(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    while (buffer.drainTo(batch, settings.batchSize()) > 0) {
      write(batch);
    }
  }

  /** Adds frames until the batch is full or {@code flushEvery} has passed since its first. */
  private void fill(List<Entry> batch) throws InterruptedException {
    long deadline = System.nanoTime() + settings.flushEvery().toNanos();
    while (true) {
      buffer.drainTo(batch, settings.batchSize() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= settings.batchSize() || left <= 0 || closing.get()) {
        return;
      }
      Entry next = buffer.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
    }
  }

  private void write(List<Entry> batch) {
    batch.removeIf(entry -> entry == WAKE_UP);
    if (batch.isEmpty()) {
      return;
    }
    try {
      database.inTransaction(
          connection -> {
            relaxDurability(connection);
            insert(connection, batch);
            return null;
          });
      written.add(batch.size());
      if (failing) {
        failing = false;
        LOG.info("Message log: writing again");
      }
    } catch (RuntimeException e) {
      dropped.add(batch.size());
      if (!failing) {
        failing = true;
        LOG.warn("Message log: writing failed, dropping frames until it works: {}", e.getMessage());
      }
    } finally {
      batch.clear();
    }
  }

  private void insert(Connection connection, List<Entry> batch) throws SQLException {
    int length = 0;
    for (Entry entry : batch) {
      length += lengthOf(entry.frame()) + lengthOf(entry.chargerId()) + 48; // + tabs, time
    }
    StringBuilder rows = new StringBuilder(length);
    for (Entry entry : batch) {
      CopyText.appendField(rows, entry.chargerId()).append('\t');
      rows.append(entry.inbound() ? "IN" : "OUT").append('\t');
      CopyText.appendField(rows, entry.frame()).append('\t');
      rows.append(entry.at() == null ? clock.instant() : entry.at()).append('\n');
    }
    byte[] text = rows.toString().getBytes(StandardCharsets.UTF_8);
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(COPY, new ByteArrayInputStream(text), text.length);
    } catch (IOException e) {
      throw new SQLException("copy into message_log failed: " + e.getMessage(), "58030", e);
    }
  }

  private static int lengthOf(String text) {
    return text == null ? 0 : text.length();
  }

  /**
   * The log is diagnostic: losing its last fraction of a second in a power cut is acceptable, and
   * its commits then do not queue for the WAL flush that charger-facing commits wait on.
   */
  private static void relaxDurability(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL synchronous_commit = off");
    }
  }

  private void purgeOnSchedule() {
    long begin = System.nanoTime();
    try {
      long purged = purgeOlderThan(settings.retention());
      if (purged > 0) {
        LOG.info(
            "Message log: purged {} rows older than {} in {} ms",
            purged,
            settings.retention(),
            Duration.ofNanos(System.nanoTime() - begin).toMillis());
      }
    } catch (RuntimeException e) {
      LOG.warn("Message log: purge failed: {}", e.getMessage());
    }
  }
}
