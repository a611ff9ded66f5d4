package dev.joule.gateway;

import static dev.joule.gateway.GatewayFixture.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Charger CALLs through a real gateway, WebSocket and in-process bus. */
@Timeout(60)
class GatewayTest {
  private final OcppJson chargerCodec = OcppJson.forChargePoint();
  private GatewayFixture fixture;

  @AfterEach
  void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private GatewayFixture start(GatewaySettings settings) {
    fixture = new GatewayFixture(settings);
    return fixture;
  }

  /** The frame a charger received, read as a charger reads it. */
  private Frame read(String text) {
    return chargerCodec.read(text);
  }

  @Test
  void heartbeatRoundTrip() {
    GatewayFixture f = start(GatewayFixture.quiet());
    Processor processor = f.startProcessor();
    TestCharger charger = f.connect("CP-1");

    charger.send(heartbeat("hb-1"));

    String text = charger.next();
    Frame answer = read(text);
    assertThat(answer).isInstanceOf(Frame.CallResult.class);
    assertThat(((Frame.CallResult) answer).messageId()).isEqualTo("hb-1");
    assertThat(((Frame.CallResult) answer).payloadJson()).contains("currentTime");
    InboxMessage forwarded = processor.processed.get(0);
    assertThat(forwarded.chargerId()).isEqualTo("CP-1");
    assertThat(forwarded.gateway()).isEqualTo(GatewayFixture.NODE);
    assertThat(f.frameLog)
        .containsExactly(
            new GatewayFixture.Logged("CP-1", true, heartbeat("hb-1")),
            new GatewayFixture.Logged("CP-1", false, text));
    assertThat(f.gateway.connectedSince("CP-1")).isPresent();
    assertThat(f.gateway.counters().callsForwarded()).isEqualTo(1);
  }

  @Test
  void callsOfOneChargerReachTheInboxOneAtATimeInOrderWhileAnotherChargerIsUnaffected() {
    GatewayFixture f = start(GatewayFixture.quiet());
    TestCharger a = f.connect("A");
    TestCharger b = f.connect("B");
    a.send(heartbeat("a1"));
    a.send(heartbeat("a2"));
    a.send(heartbeat("a3"));
    // Answered by the gateway itself, after it has handled the three CALLs before it.
    a.send("[2,\"barrier\",\"NoSuchAction\",{}]");
    assertThat(read(a.next())).isInstanceOf(Frame.CallError.class);
    b.send(heartbeat("b1"));
    Lease b1 = f.leaseCall("B", "b1");

    List<Lease> fromA = f.leaseAll();
    assertThat(fromA).extracting(l -> l.message().call().messageId()).containsExactly("a1");

    f.answer(b1); // B is served while A's first call is still being processed
    assertThat(((Frame.CallResult) read(b.next())).messageId()).isEqualTo("b1");

    f.answer(fromA.get(0));
    assertThat(((Frame.CallResult) read(a.next())).messageId()).isEqualTo("a1");
    Lease a2 = f.leaseCall("A", "a2");
    assertThat(f.leaseAll()).isEmpty();
    f.answer(a2);
    assertThat(((Frame.CallResult) read(a.next())).messageId()).isEqualTo("a2");
    Lease a3 = f.leaseCall("A", "a3");
    f.answer(a3);
    assertThat(((Frame.CallResult) read(a.next())).messageId()).isEqualTo("a3");
    assertThat(a3.message().connectionEpoch()).isEqualTo(a2.message().connectionEpoch());
  }

  @Test
  void callsBeyondTheQueueLimitAreAnsweredWithGenericError() {
    GatewaySettings settings = GatewayFixture.quiet();
    GatewayFixture f =
        start(
            new GatewaySettings(
                settings.maxFrameBytes(),
                settings.pingInterval(),
                settings.pongTimeout(),
                settings.tolerantPing(),
                2,
                settings.replyDeadline(),
                settings.callTimeout()));
    TestCharger a = f.connect("A");

    for (int i = 1; i <= 4; i++) {
      a.send(heartbeat("c" + i));
    }

    Frame refused = read(a.next());
    assertThat(refused).isInstanceOf(Frame.CallError.class);
    assertThat(((Frame.CallError) refused).messageId()).isEqualTo("c4");
    assertThat(((Frame.CallError) refused).errorCode()).isEqualTo(ErrorCode.GENERIC_ERROR);
    f.answer(f.leaseCall("A", "c1"));
    assertThat(((Frame.CallResult) read(a.next())).messageId()).isEqualTo("c1");
    f.answer(f.leaseCall("A", "c2"));
    assertThat(((Frame.CallResult) read(a.next())).messageId()).isEqualTo("c2");
    f.answer(f.leaseCall("A", "c3"));
    assertThat(((Frame.CallResult) read(a.next())).messageId()).isEqualTo("c3");
    assertThat(f.gateway.counters().callsRefusedQueueFull()).isEqualTo(1);
  }

  @Test
  void malformedCallsGetTheCodecsCallErrorAndTheConnectionSurvives() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.startProcessor();
    TestCharger charger = f.connect("CP-1");
    String brokenJson = "[2,\"m1\",\"Heartbeat\",{\"x\":]";
    ErrorCode brokenJsonCode = ((Frame.Invalid) f.codec.read(brokenJson)).errorCode();

    charger.send(brokenJson);
    charger.send("[2,\"m2\",\"NoSuchAction\",{}]");
    charger.send("[2,\"m3\",\"Reset\",{\"type\":\"Soft\"}]");
    charger.send("[2,\"m4\",\"BootNotification\",{}]");
    charger.send(heartbeat("m5"));

    assertThat(callError(charger.next())).containsExactly("m1", brokenJsonCode);
    assertThat(callError(charger.next())).containsExactly("m2", ErrorCode.NOT_IMPLEMENTED);
    assertThat(callError(charger.next())).containsExactly("m3", ErrorCode.NOT_SUPPORTED);
    assertThat(callError(charger.next()))
        .containsExactly("m4", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
    assertThat(((Frame.CallResult) read(charger.next())).messageId()).isEqualTo("m5");
    assertThat(f.gateway.counters().invalidFramesAnswered()).isEqualTo(4);
  }

  @Test
  void framesWithoutAnIdToAnswerAreDroppedAndTheConnectionSurvives() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.startProcessor();
    TestCharger charger = f.connect("CP-1");

    charger.send("hello");
    charger.send("[2,42,\"Heartbeat\",{}]");
    charger.send("[3,\"nobody-asked\",{}]");
    charger.send(heartbeat("after"));

    // The first thing back answers the Heartbeat: nothing answered the three before it.
    assertThat(((Frame.CallResult) read(charger.next())).messageId()).isEqualTo("after");
    assertThat(f.gateway.counters().invalidFramesIgnored()).isEqualTo(2);
    assertThat(charger.isClosed()).isFalse();
  }

  @Test
  void unknownMessageTypesAreIgnored() {
    GatewayFixture f = start(GatewayFixture.quiet());
    f.startProcessor();
    TestCharger charger = f.connect("CP-1");

    charger.send("[5,\"u1\",{}]");
    charger.send("[9]");
    charger.send(heartbeat("after"));

    assertThat(((Frame.CallResult) read(charger.next())).messageId()).isEqualTo("after");
    assertThat(f.gateway.counters().unknownFramesIgnored()).isEqualTo(2);
  }

  private List<Object> callError(String text) {
    Frame frame = read(text);
    assertThat(frame).isInstanceOf(Frame.CallError.class);
    Frame.CallError error = (Frame.CallError) frame;
    return List.of(error.messageId(), error.errorCode());
  }
}
