package dev.joule.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.bus.inprocess.InProcessBus;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.AuthorizeRequest;
import dev.joule.ocpp.message.core.AuthorizeResponse;
import dev.joule.ocpp.message.core.IdTagInfo;
import dev.joule.store.ConnectorStatusRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit and what one failing message does to the others of its batch. */
class BatchRunnerTest {
  @TempDir static java.nio.file.Path dataDir;
  static EmbeddedPostgres postgres;
  static Database database;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private final OcppJson codec = OcppJson.forCentralSystem();

  @BeforeAll
  static void start() {
    postgres = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(dataDir));
    database = Database.open(postgres, 2);
  }

  @AfterAll
  static void stop() {
    database.close();
    postgres.close();
  }

  /** Authorize records the tag as a charger row (a visible effect), then fails for some tags. */
  private Handlers handlers() {
    return new Handlers()
        .on(
            Action.AUTHORIZE,
            AuthorizeRequest.class,
            (context, request) -> {
              insertCharger(context.connection(), request.idTag());
              return switch (request.idTag()) {
                case "boom" -> throw new IllegalStateException("handler bug");
                case "refused" -> throw new OcppViolation(ErrorCode.SECURITY_ERROR, "not you");
                default ->
                    new AuthorizeResponse(new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED));
              };
            });
  }

  @Test
  void aHandlerRunsWithItsCallInTheLogContextAndLeavesItClean() throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    Handlers recording =
        new Handlers()
            .on(
                Action.AUTHORIZE,
                AuthorizeRequest.class,
                (context, request) -> {
                  seen.add(
                      org.slf4j.MDC.get("chargerId")
                          + " "
                          + org.slf4j.MDC.get("messageId")
                          + " "
                          + org.slf4j.MDC.get("action"));
                  return new AuthorizeResponse(
                      new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED));
                });
    List<Lease> leases = lease("mdc-1");

    new BatchRunner(database.dataSource(), recording, codec, clock).run(leases);

    InboxMessage message = leases.getFirst().message();
    assertThat(seen)
        .containsExactly(message.chargerId() + " " + message.call().messageId() + " Authorize");
    assertThat(org.slf4j.MDC.get("chargerId")).isNull();
  }

  @Test
  void aBatchCommitsTogetherAndAnswersEveryMessage() throws Exception {
    List<Lease> leases = lease("ok-1", "ok-2", "ok-3");

    List<Outcome> outcomes =
        new BatchRunner(database.dataSource(), handlers(), codec, clock).run(leases);

    assertThat(frames(outcomes))
        .containsEntry("ok-1", "[3,\"ok-1\",{\"idTagInfo\":{\"status\":\"Accepted\"}}]")
        .containsEntry("ok-3", "[3,\"ok-3\",{\"idTagInfo\":{\"status\":\"Accepted\"}}]")
        .hasSize(3);
    assertThat(chargers("ok-%")).isEqualTo(3);
  }

  @Test
  void aFailingMessageCostsItsNeighboursNothing() throws Exception {
    List<Lease> leases = lease("n-1", "boom", "n-2", "refused");

    List<Outcome> outcomes =
        new BatchRunner(database.dataSource(), handlers(), codec, clock).run(leases);

    Map<String, String> frames = frames(outcomes);
    assertThat(frames.get("n-1")).startsWith("[3,\"n-1\",");
    assertThat(frames.get("n-2")).startsWith("[3,\"n-2\",");
    assertThat(frames.get("boom"))
        .isEqualTo("[4,\"boom\",\"InternalError\",\"processing failed\",{}]");
    assertThat(frames.get("refused")).isEqualTo("[4,\"refused\",\"SecurityError\",\"not you\",{}]");
    assertThat(chargers("n-%")).as("the good messages' effects are committed").isEqualTo(2);
    assertThat(chargers("boom") + chargers("refused"))
        .as("the failing messages' effects are rolled back")
        .isZero();
  }

  /**
   * Rows collected for the batch's single statement per table: a row the database refuses fails the
   * batch at its flush, and only its message is answered with a CALLERROR when all run again.
   */
  @Test
  void aRowRefusedAtTheFlushCostsItsNeighboursNothing() throws Exception {
    ConnectorStatusRepository statuses = new ConnectorStatusRepository();
    Handlers handlers =
        new Handlers()
            .on(
                Action.AUTHORIZE,
                AuthorizeRequest.class,
                (context, request) -> {
                  insertCharger(context.connection(), request.idTag());
                  String status = request.idTag().equals("f-bad") ? null : "Available";
                  statuses.record(
                      context.writes(),
                      request.idTag(),
                      context.callId(),
                      new ConnectorStatusRepository.StatusReport(
                          1, status, "NoError", null, null, null, null),
                      context.receivedAt());
                  return new AuthorizeResponse(
                      new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED));
                });

    List<Outcome> outcomes =
        new BatchRunner(database.dataSource(), handlers, codec, clock)
            .run(lease("f-1", "f-bad", "f-2"));

    Map<String, String> frames = frames(outcomes);
    assertThat(frames.get("f-1")).startsWith("[3,\"f-1\",");
    assertThat(frames.get("f-2")).startsWith("[3,\"f-2\",");
    assertThat(frames.get("f-bad"))
        .isEqualTo("[4,\"f-bad\",\"InternalError\",\"processing failed\",{}]");
    assertThat(chargers("f-%")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM connector_status WHERE charger_id LIKE 'f-%'"))
        .as("the good messages' collected rows are written")
        .isEqualTo(2);
  }

  /**
   * Work a handler leaves for after its commit (CertificateSigned after SignCertificate) runs once
   * its message committed, and never for a message whose effects were rolled back.
   */
  @Test
  void workAfterTheCommitRunsForCommittedMessagesOnly() throws Exception {
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handlers handlers =
        new Handlers()
            .on(
                Action.AUTHORIZE,
                AuthorizeRequest.class,
                (context, request) -> {
                  insertCharger(context.connection(), request.idTag());
                  context
                      .onCommit()
                      .accept(() -> ran.add(request.idTag() + " " + committed(request.idTag())));
                  if (request.idTag().equals("w-boom")) {
                    throw new IllegalStateException("handler bug");
                  }
                  return new AuthorizeResponse(
                      new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED));
                });

    new BatchRunner(database.dataSource(), handlers, codec, clock)
        .run(lease("w-1", "w-boom", "w-2"));

    // Each ran once, after its row was visible to another connection: committed.
    assertThat(ran).containsExactlyInAnyOrder("w-1 1", "w-2 1");
  }

  private static long committed(String chargerId) {
    try {
      return chargers(chargerId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One lease per idTag; the CALL's message id is the idTag, so answers are easy to match. */
  private List<Lease> lease(String... idTags) throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, Duration.ofSeconds(30));
    for (String idTag : idTags) {
      bus.publish(
          new InboxMessage(
              "CP-" + idTag,
              "node",
              1,
              new Frame.Call(idTag, Action.AUTHORIZE, new AuthorizeRequest(idTag)),
              clock.instant()));
    }
    return bus.lease(idTags.length, Duration.ofSeconds(1));
  }

  private static Map<String, String> frames(List<Outcome> outcomes) {
    return outcomes.stream()
        .collect(Collectors.toMap(o -> o.lease().message().call().messageId(), Outcome::frame));
  }

  private static void insertCharger(Connection connection, String id) {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO charger (id, registered_at) VALUES (?, now())")) {
      insert.setString(1, id);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static long chargers(String pattern) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM charger WHERE id LIKE ?")) {
      query.setString(1, pattern);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
