package dev.joule.gateway;

import static dev.joule.gateway.GatewayFixture.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.ResetRequest;
import dev.joule.ocpp.message.core.ResetResponse;
import dev.joule.ocpp.message.core.ResetStatus;
import dev.joule.ocpp.message.core.ResetType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Central-system CALLs to chargers (DESIGN.md rule 7). */
@Timeout(60)
class GatewayCentralCallTest {
  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
  private final OcppJson chargerCodec = OcppJson.forChargePoint();
  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private GatewayFixture start() {
    return start(GatewayFixture.quiet().callTimeout());
  }

  private GatewayFixture start(Duration callTimeout) {
    GatewaySettings q = GatewayFixture.quiet();
    fixture =
        new GatewayFixture(
            new GatewaySettings(
                q.maxFrameBytes(),
                q.pingInterval(),
                q.pongTimeout(),
                q.tolerantPing(),
                q.callQueueLimit(),
                q.replyDeadline(),
                callTimeout));
    return fixture;
  }

  /** The CALL the charger received, checked to be a Reset. */
  private Frame.Call receivedReset(TestCharger charger) {
    Frame frame = chargerCodec.read(charger.next());
    assertThat(frame).isInstanceOf(Frame.Call.class);
    Frame.Call call = (Frame.Call) frame;
    assertThat(call.action()).isEqualTo(Action.RESET);
    return call;
  }

  private static Throwable failure(CompletableFuture<Frame> result) {
    try {
      result.get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("completed normally: " + result.join());
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Frame answer(CompletableFuture<Frame> result) {
    try {
      return result.get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void callRoundTrip() {
    GatewayFixture f = start();
    TestCharger charger = f.connect("CP-1");

    CompletableFuture<Frame> result = f.gateway.call("CP-1", new ResetRequest(ResetType.SOFT));

    Frame.Call call = receivedReset(charger);
    assertThat(call.payload()).isEqualTo(new ResetRequest(ResetType.SOFT));
    assertThat(call.messageId()).hasSizeLessThanOrEqualTo(Frame.MAX_MESSAGE_ID_LENGTH);
    charger.send("[3,\"" + call.messageId() + "\",{\"status\":\"Accepted\"}]");
    Frame.CallResult result3 = (Frame.CallResult) answer(result);
    assertThat(f.codec.readResponse(Action.RESET, result3.payloadJson()))
        .isEqualTo(new ResetResponse(ResetStatus.ACCEPTED));
    assertThat(f.frameLog).extracting(GatewayFixture.Logged::inbound).containsExactly(false, true);
  }

  @Test
  void oneCallInFlightPerChargerOthersQueuedInOrder() {
    GatewayFixture f = start();
    f.startProcessor();
    TestCharger charger = f.connect("CP-1");

    CompletableFuture<Frame> first = f.gateway.call("CP-1", new ResetRequest(ResetType.SOFT));
    CompletableFuture<Frame> second = f.gateway.call("CP-1", new ResetRequest(ResetType.HARD));

    Frame.Call call1 = receivedReset(charger);
    assertThat(call1.payload()).isEqualTo(new ResetRequest(ResetType.SOFT));
    // Had the second CALL been sent, it would arrive before this Heartbeat's answer.
    charger.send(heartbeat("hb"));
    assertThat(((Frame.CallResult) chargerCodec.read(charger.next())).messageId()).isEqualTo("hb");
    assertThat(second).isNotDone();

    charger.send("[4,\"" + call1.messageId() + "\",\"NotSupported\",\"no\",{}]");
    assertThat(((Frame.CallError) answer(first)).errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED);
    Frame.Call call2 = receivedReset(charger);
    assertThat(call2.payload()).isEqualTo(new ResetRequest(ResetType.HARD));
    assertThat(call2.messageId()).isNotEqualTo(call1.messageId());
    charger.send("[3,\"" + call2.messageId() + "\",{\"status\":\"Rejected\"}]");
    assertThat(answer(second)).isInstanceOf(Frame.CallResult.class);
  }

  @Test
  void unansweredCallTimesOutAndTheNextOneIsSent() {
    GatewayFixture f = start(SHORT_TIMEOUT);
    TestCharger charger = f.connect("CP-1");
    CompletableFuture<Frame> ignored = f.gateway.call("CP-1", new ResetRequest(ResetType.SOFT));
    CompletableFuture<Frame> next = f.gateway.call("CP-1", new ResetRequest(ResetType.HARD));
    Frame.Call call1 = receivedReset(charger);

    Throwable failure = failure(ignored);

    assertThat(failure).isInstanceOf(CallTimeoutException.class);
    assertThat(((CallTimeoutException) failure).messageId()).isEqualTo(call1.messageId());
    Frame.Call call2 = receivedReset(charger);
    charger.send("[3,\"" + call1.messageId() + "\",{\"status\":\"Accepted\"}]"); // too late
    charger.send("[3,\"" + call2.messageId() + "\",{\"status\":\"Accepted\"}]");
    assertThat(((Frame.CallResult) answer(next)).messageId()).isEqualTo(call2.messageId());
    assertThat(f.gateway.counters().centralCallsTimedOut()).isEqualTo(1);
  }

  @Test
  void callToAChargerThatIsNotConnectedFailsAtOnce() {
    GatewayFixture f = start();

    CompletableFuture<Frame> result = f.gateway.call("nobody", new ResetRequest(ResetType.SOFT));

    assertThat(result).isCompletedExceptionally();
    assertThatThrownBy(result::join)
        .hasCauseInstanceOf(ChargerOfflineException.class)
        .cause()
        .satisfies(e -> assertThat(((ChargerOfflineException) e).sent()).isFalse());
  }

  @Test
  void callsFailAsOfflineWhenTheConnectionCloses() {
    GatewayFixture f = start();
    TestCharger charger = f.connect("CP-1");
    CompletableFuture<Frame> sent = f.gateway.call("CP-1", new ResetRequest(ResetType.SOFT));
    CompletableFuture<Frame> queued = f.gateway.call("CP-1", new ResetRequest(ResetType.HARD));
    receivedReset(charger);

    charger.close();

    Throwable sentFailure = failure(sent);
    Throwable queuedFailure = failure(queued);
    assertThat(sentFailure).isInstanceOf(ChargerOfflineException.class);
    assertThat(((ChargerOfflineException) sentFailure).sent()).isTrue();
    assertThat(queuedFailure).isInstanceOf(ChargerOfflineException.class);
    assertThat(((ChargerOfflineException) queuedFailure).sent()).isFalse();
    assertThat(f.gateway.connectedSince("CP-1")).isEmpty();
  }

  @Test
  void callsOfAReplacedConnectionFailAsOffline() {
    GatewayFixture f = start();
    TestCharger first = f.connect("CP-1");
    CompletableFuture<Frame> sent = f.gateway.call("CP-1", new ResetRequest(ResetType.SOFT));
    receivedReset(first);

    f.connect("CP-1");

    assertThat(failure(sent)).isInstanceOf(ChargerOfflineException.class);
  }
}
