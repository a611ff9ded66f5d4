package dev.joule.gateway;

import static dev.joule.gateway.GatewayFixture.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.bus.Lease;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handshakes, framing faults, replacement and the reply deadline, over real sockets. */
@Timeout(60)
class GatewayConnectionTest {
  private final OcppJson chargerCodec = OcppJson.forChargePoint();
  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private GatewayFixture start(GatewaySettings settings) {
    fixture = new GatewayFixture(settings);
    return fixture;
  }

  private static GatewaySettings withMaxFrameBytes(int max) {
    GatewaySettings q = GatewayFixture.quiet();
    return new GatewaySettings(
        max,
        q.pingInterval(),
        q.pongTimeout(),
        q.tolerantPing(),
        q.callQueueLimit(),
        q.replyDeadline(),
        q.callTimeout());
  }

  private static GatewaySettings withReplyDeadline(Duration deadline) {
    GatewaySettings q = GatewayFixture.quiet();
    return new GatewaySettings(
        q.maxFrameBytes(),
        q.pingInterval(),
        q.pongTimeout(),
        q.tolerantPing(),
        q.callQueueLimit(),
        deadline,
        q.callTimeout());
  }

  private void assertHeartbeatWorks(TestCharger charger, String id) {
    charger.send(heartbeat(id));
    Frame answer = chargerCodec.read(charger.next());
    assertThat(answer).isInstanceOf(Frame.CallResult.class);
    assertThat(((Frame.CallResult) answer).messageId()).isEqualTo(id);
  }

  @Test
  void percentEncodedIdentityIsDecoded() {
    GatewayFixture f = start(GatewayFixture.quiet());
    Processor processor = f.startProcessor();
    TestCharger charger =
        f.track(TestCharger.connect(f.vertx, f.port(), "/ocpp/RDAM%20123:a+c", List.of("ocpp1.6")));

    assertHeartbeatWorks(charger, "1");

    assertThat(f.admitted).containsExactly("RDAM 123:a+c");
    assertThat(f.gateway.connected()).containsOnlyKeys("RDAM 123:a+c");
    assertThat(processor.processed.get(0).chargerId()).isEqualTo("RDAM 123:a+c");
  }

  @Test
  void anIdentityBreakingTheRuleGets400BeforeAdmission() {
    GatewayFixture f = start(GatewayFixture.quiet());

    for (String path : List.of("/ocpp/a%2Fb", "/ocpp/" + "x".repeat(49), "/ocpp/caf%C3%A9")) {
      Throwable refusal = TestCharger.refusal(f.vertx, f.port(), path, List.of("ocpp1.6"));
      assertThat(((UpgradeRejectedException) refusal).getStatus()).as(path).isEqualTo(400);
    }
    assertThat(f.admitted).isEmpty();
  }

  @Test
  void chargerNotAdmittedGets404() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.refused.add("stranger");

    Throwable refusal =
        TestCharger.refusal(f.vertx, f.port(), "/ocpp/stranger", List.of("ocpp1.6"));

    assertThat(refusal).isInstanceOf(UpgradeRejectedException.class);
    assertThat(((UpgradeRejectedException) refusal).getStatus()).isEqualTo(404);
    assertThat(f.gateway.connected()).isEmpty();
  }

  @Test
  void failingAdmissionGets503() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.failing.add("CP-1");

    Throwable refusal = TestCharger.refusal(f.vertx, f.port(), "/ocpp/CP-1", List.of("ocpp1.6"));

    assertThat(((UpgradeRejectedException) refusal).getStatus()).isEqualTo(503);
    assertThat(f.gateway.counters().admissionFailures()).isEqualTo(1);
  }

  @Test
  void otherPathsAreNotUpgradedAndPlainHttpReachesTheApi() {
    GatewayFixture f = start(GatewayFixture.quiet());

    for (String path : List.of("/api/ws", "/ocpp/", "/ocpp/a/b", "/ocpp/%C3%28")) {
      Throwable refusal = TestCharger.refusal(f.vertx, f.port(), path, List.of("ocpp1.6"));
      assertThat(((UpgradeRejectedException) refusal).getStatus()).as(path).isEqualTo(404);
    }
    // Held until the answer is in: Vert.x 5 closes a client nobody references ("Client is closed").
    HttpClient client = f.vertx.createHttpClient();
    String body =
        GatewayFixture.await(
                client
                    .request(HttpMethod.GET, f.port(), "localhost", "/api/x")
                    .compose(request -> request.send())
                    .compose(response -> response.body()))
            .toString();
    GatewayFixture.await(client.close());
    assertThat(body).isEqualTo("api");
    assertThat(f.admitted).isEmpty();
  }

  @Test
  void ocpp16IsChosenAmongSeveralOfferedSubprotocols() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.startProcessor();

    TestCharger charger =
        f.track(
            TestCharger.connect(
                f.vertx, f.port(), "/ocpp/CP-1", List.of("ocpp2.0.1", "ocpp1.6", "ocpp1.5")));

    assertThat(charger.subProtocol()).isEqualTo("ocpp1.6");
    assertHeartbeatWorks(charger, "1");
  }

  @Test
  void chargerOfferingNoSubprotocolIsClosedRightAfterTheHandshake() {
    GatewayFixture f = start(GatewayFixture.quiet());

    TestCharger charger = f.track(TestCharger.connect(f.vertx, f.port(), "/ocpp/CP-1", List.of()));

    assertThat(charger.awaitClose()).isEqualTo(Connection.PROTOCOL_ERROR);
    assertThat(f.gateway.connected()).isEmpty();
    assertThat(f.gateway.counters().subprotocolRefused()).isEqualTo(1);
  }

  @Test
  void chargerOfferingOnlyOtherSubprotocolsGetsNoProtocolHeaderAndIsClosed() {
    GatewayFixture f = start(GatewayFixture.quiet());

    try (RawCharger charger = RawCharger.connect(f.port(), "/ocpp/CP-1", "ocpp2.0.1")) {
      assertThat(charger.status()).isEqualTo(101);
      assertThat(charger.header("Sec-WebSocket-Protocol")).isEmpty();
      RawCharger.Frame close = charger.readSkippingPings().orElseThrow();
      assertThat(close.opcode()).isEqualTo(RawCharger.CLOSE);
      assertThat(close.closeCode()).isEqualTo(Connection.PROTOCOL_ERROR);
    }
  }

  @Test
  void binaryFrameClosesOnlyThatConnection() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.startProcessor();
    TestCharger bad = f.connect("bad");
    TestCharger good = f.connect("good");

    bad.sendBinary(new byte[] {1, 2, 3});

    assertThat(bad.awaitClose()).isEqualTo(Connection.UNSUPPORTED_DATA);
    assertHeartbeatWorks(good, "1");
    assertThat(f.gateway.connected()).containsOnlyKeys("good");
  }

  @Test
  void oversizedFrameClosesOnlyThatConnection() {
    GatewayFixture f = start(withMaxFrameBytes(1024));
    f.startProcessor();
    TestCharger bad = f.connect("bad");
    TestCharger good = f.connect("good");

    bad.send(dataTransfer("x".repeat(2000)));

    assertThat(bad.awaitClose()).isEqualTo(Connection.MESSAGE_TOO_BIG);
    assertHeartbeatWorks(good, "1");
    assertThat(f.gateway.connected()).containsOnlyKeys("good");
  }

  @Test
  void oversizedMessageInSmallFragmentsClosesOnlyThatConnection() {
    GatewayFixture f = start(withMaxFrameBytes(1024));
    f.startProcessor();
    TestCharger bad =
        f.track(
            TestCharger.connect(
                f.vertx,
                f.port(),
                "/ocpp/bad",
                List.of("ocpp1.6"),
                new WebSocketClientOptions().setMaxFrameSize(256)));
    TestCharger good = f.connect("good");

    bad.send(dataTransfer("x".repeat(2000)));

    assertThat(bad.awaitClose()).isEqualTo(Connection.MESSAGE_TOO_BIG);
    assertHeartbeatWorks(good, "1");
    assertThat(f.gateway.counters().oversizeCloses()).isEqualTo(1);
  }

  @Test
  void messageInFragmentsWithinTheLimitIsReassembled() {
    GatewayFixture f = start(withMaxFrameBytes(1024));
    f.startProcessor();

    try (RawCharger charger = RawCharger.connect(f.port(), "/ocpp/CP-1", "ocpp1.6")) {
      byte[] call = heartbeat("frag").getBytes(StandardCharsets.UTF_8);
      charger.send(RawCharger.TEXT, false, Arrays.copyOfRange(call, 0, 10));
      charger.send(0, false, Arrays.copyOfRange(call, 10, 20));
      charger.send(0, true, Arrays.copyOfRange(call, 20, call.length));

      RawCharger.Frame answer = charger.readSkippingPings().orElseThrow();
      assertThat(((Frame.CallResult) chargerCodec.read(answer.text())).messageId())
          .isEqualTo("frag");
    }
  }

  @Test
  void newConnectionReplacesTheOldAndRepliesForTheOldAreDropped() {
    GatewayFixture f = start(GatewayFixture.quiet());
    TestCharger first = f.connect("CP-1");
    first.send(heartbeat("old"));
    Lease old = f.leaseCall("CP-1", "old");
    Instant firstSince = f.gateway.connectedSince("CP-1").orElseThrow();

    TestCharger second = f.connect("CP-1");

    assertThat(first.awaitClose()).isEqualTo(Connection.REPLACED);
    f.answer(old); // the old connection's reply: nobody to deliver it to
    Await.until("old reply dropped", () -> f.gateway.counters().repliesDropped() == 1);
    second.send(heartbeat("new"));
    Lease fresh = f.leaseCall("CP-1", "new");
    assertThat(fresh.message().connectionEpoch()).isGreaterThan(old.message().connectionEpoch());
    f.answer(fresh);
    assertThat(((Frame.CallResult) chargerCodec.read(second.next())).messageId()).isEqualTo("new");
    assertThat(f.gateway.connected()).containsOnlyKeys("CP-1");
    assertThat(f.gateway.connectedSince("CP-1").orElseThrow()).isAfterOrEqualTo(firstSince);
    assertThat(f.gateway.counters().connectionsReplaced()).isEqualTo(1);
  }

  @Test
  void unansweredCallGetsInternalErrorAtTheDeadlineAndTheNextCallMovesOn() {
    GatewayFixture f = start(withReplyDeadline(Duration.ofMillis(300)));
    TestCharger charger = f.connect("CP-1");
    charger.send(heartbeat("slow"));
    charger.send(heartbeat("next"));
    Lease slow = f.leaseCall("CP-1", "slow");

    Frame timedOut = chargerCodec.read(charger.next());

    assertThat(timedOut).isInstanceOf(Frame.CallError.class);
    assertThat(((Frame.CallError) timedOut).messageId()).isEqualTo("slow");
    assertThat(((Frame.CallError) timedOut).errorCode()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    Lease next = f.leaseCall("CP-1", "next");
    f.answer(slow); // too late: dropped, never written
    f.answer(next);
    assertThat(((Frame.CallResult) chargerCodec.read(charger.next())).messageId())
        .isEqualTo("next");
    assertThat(f.gateway.counters().replyDeadlinesMissed()).isEqualTo(1);
    assertThat(f.gateway.counters().repliesDropped()).isEqualTo(1);
  }

  @Test
  void callUnansweredAtResendAfterIsPublishedOnceMoreAndTheFirstAnswerWins() {
    GatewayFixture f =
        start(withReplyDeadline(Duration.ofSeconds(10)).withResendAfter(Duration.ofMillis(300)));
    TestCharger charger = f.connect("CP-1");
    charger.send(heartbeat("lost"));
    Lease lost = f.leaseCall("CP-1", "lost"); // as if the bus had lost it: never answered in time

    Lease again = f.leaseCall("CP-1", "lost");
    f.answer(again);

    assertThat(((Frame.CallResult) chargerCodec.read(charger.next())).messageId())
        .isEqualTo("lost");
    f.answer(lost); // late: dropped, never written
    charger.send(heartbeat("after"));
    f.answer(f.leaseCall("CP-1", "after"));
    assertThat(((Frame.CallResult) chargerCodec.read(charger.next())).messageId())
        .isEqualTo("after");
    assertThat(f.gateway.counters().callsResent()).isEqualTo(1);
    assertThat(f.gateway.counters().repliesDropped()).isEqualTo(1);
    assertThat(f.gateway.counters().replyDeadlinesMissed()).isZero();
  }

  /**
   * The deadline timer is not cancelled by a reply: it fires at the answered CALL's deadline and
   * must then wait out the next CALL's own deadline instead of answering it early.
   */
  @Test
  void callAfterAnAnsweredOneGetsItsOwnFullDeadline() {
    Duration deadline = Duration.ofMillis(1000);
    GatewayFixture f = start(withReplyDeadline(deadline));
    TestCharger charger = f.connect("CP-1");
    long first = System.nanoTime();
    charger.send(heartbeat("quick"));
    Lease quick = f.leaseCall("CP-1", "quick");
    // The next CALL must be forwarded well after the first, so that the first one's deadline
    // falls inside the second one's: answering at it would be visibly early.
    Await.until("half the deadline passed", () -> System.nanoTime() - first > 500_000_000L);
    f.answer(quick);
    assertThat(((Frame.CallResult) chargerCodec.read(charger.next())).messageId())
        .isEqualTo("quick");
    long sent = System.nanoTime();
    charger.send(heartbeat("slow"));
    f.leaseCall("CP-1", "slow");

    Frame timedOut = chargerCodec.read(charger.next());

    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(deadline);
    assertThat(((Frame.CallError) timedOut).messageId()).isEqualTo("slow");
    assertThat(((Frame.CallError) timedOut).errorCode()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    assertThat(f.gateway.counters().replyDeadlinesMissed()).isEqualTo(1);
  }

  @Test
  void closeSendsGoingAwayToEveryChargerAndRefusesNewOnes() {
    GatewayFixture f = start(GatewayFixture.quiet());
    TestCharger a = f.connect("A");
    TestCharger b = f.connect("B");

    GatewayFixture.await(f.gateway.close());

    assertThat(a.awaitClose()).isEqualTo(Connection.GOING_AWAY);
    assertThat(b.awaitClose()).isEqualTo(Connection.GOING_AWAY);
    Throwable refusal = TestCharger.refusal(f.vertx, f.port(), "/ocpp/C", List.of("ocpp1.6"));
    assertThat(((UpgradeRejectedException) refusal).getStatus()).isEqualTo(503);
  }

  private static String dataTransfer(String data) {
    return "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" + data + "\"}]";
  }
}
