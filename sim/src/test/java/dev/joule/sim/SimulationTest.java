package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SimulationTest {
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private Summary run(FakeCentralSystem server, int chargers, double rate, Duration callTimeout)
      throws InterruptedException {
    return run(server, chargers, rate, callTimeout, Mix.REALISTIC, "", List.of());
  }

  private Summary run(
      FakeCentralSystem server,
      int chargers,
      double rate,
      Duration callTimeout,
      Mix mix,
      String password,
      List<InetAddress> sources)
      throws InterruptedException {
    return run(server, chargers, rate, callTimeout, mix, password, sources, Instant.EPOCH);
  }

  private Summary run(
      FakeCentralSystem server,
      int chargers,
      double rate,
      Duration callTimeout,
      Mix mix,
      String password,
      List<InetAddress> sources,
      Instant countDelayedFrom)
      throws InterruptedException {
    SimConfig config =
        new SimConfig(
            URI.create(server.url()),
            chargers,
            1,
            "CP-",
            Duration.ofMillis(500),
            Duration.ofMillis(1500),
            rate,
            callTimeout,
            1,
            1,
            mix,
            password,
            sources,
            countDelayedFrom,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            Duration.ofSeconds(1),
            0,
            10);
    return new Simulation(
            config, Clock.systemUTC(), new PrintStream(progress, true, StandardCharsets.UTF_8))
        .run();
  }

  private static Map<String, Summary.ActionResult> byAction(Summary summary) {
    return summary.actions().stream()
        .collect(Collectors.toMap(Summary.ActionResult::action, Function.identity()));
  }

  @Test
  void twentyChargersAgainstAnAnsweringServerCountEveryCallOnceAndNoErrors() throws Exception {
    try (FakeCentralSystem server = new FakeCentralSystem(Set.of())) {
      Summary summary = run(server, 20, 0, Duration.ofSeconds(30));

      assertThat(summary.connections())
          .isEqualTo(
              new Summary.Connections(
                  20, 20, 0, 0, 20, 20, summary.connections().allBootedSeconds()));
      assertThat(server.paths)
          .isEqualTo(
              IntStream.rangeClosed(1, 20)
                  .mapToObj(n -> "/ocpp/CP-" + n)
                  .collect(Collectors.toSet()));
      assertThat(server.subprotocols).containsExactly("ocpp1.6");
      assertThat(server.authorizations).containsExactly("null");
      assertThat(summary.connections().allBootedSeconds()).isBetween(0.0, 2.0);

      Summary.ActionResult total = summary.total();
      assertThat(total.sent()).isGreaterThan(100);
      assertThat(total.results()).isEqualTo(total.sent());
      assertThat(total.failures()).isZero();
      assertThat(total.latency().count()).isEqualTo(total.sent());
      assertThat(summary.actions().stream().mapToLong(Summary.ActionResult::sent).sum())
          .isEqualTo(total.sent());

      Map<String, Summary.ActionResult> actions = byAction(summary);
      assertThat(actions)
          .containsOnlyKeys(
              "BootNotification",
              "StatusNotification",
              "MeterValues",
              "Heartbeat",
              "StartTransaction",
              "StopTransaction");
      assertThat(actions.get("BootNotification").sent()).isEqualTo(20);
      assertThat(actions.get("StartTransaction").sent()).isGreaterThanOrEqualTo(20);
      for (Summary.ActionResult a : summary.actions()) {
        Action action = Action.fromWire(a.action()).orElseThrow();
        assertThat(server.calls(action)).as("server saw %s", a.action()).isEqualTo(a.sent());
      }

      assertThat(summary.steadyAnswers()).isPositive().isLessThan(total.results());
      assertThat(summary.steadyRate()).isEqualTo(summary.steadyAnswers() / 1.5);
      assertThat(summary.inboundCalls()).isEqualTo(20);
      assertThat(summary.inboundRefused()).isZero();
      assertThat(server.acceptedResets).hasValue(20);
      assertThat(server.unexpectedFrames).hasValue(0);
      assertThat(summary.unmatchedFrames()).isZero();
      assertThat(progress.toString(StandardCharsets.UTF_8))
          .containsPattern("\\[ +1s steady\\] connected \\d+/20  answers \\d+/s  p99 ")
          .containsPattern("lost 0  booted 20\n");
    }
  }

  @Test
  void unansweredCallsAreCountedAsTimeoutsAndTheChargersCarryOn() throws Exception {
    try (FakeCentralSystem server = new FakeCentralSystem(Set.of(Action.HEARTBEAT))) {
      Summary summary = run(server, 5, 0, Duration.ofMillis(200));

      Summary.ActionResult heartbeat = byAction(summary).get("Heartbeat");
      assertThat(heartbeat.timeouts()).isPositive().isEqualTo(heartbeat.sent());
      assertThat(heartbeat.results()).isZero();
      Summary.ActionResult total = summary.total();
      assertThat(total.results() + total.timeouts()).isEqualTo(total.sent());
      assertThat(byAction(summary).get("MeterValues").results())
          .as("chargers went on after a timeout")
          .isGreaterThan(heartbeat.timeouts());
    }
  }

  @Test
  void aTargetRateCapsTheCallsSent() throws Exception {
    try (FakeCentralSystem server = new FakeCentralSystem(Set.of())) {
      Summary summary = run(server, 20, 100, Duration.ofSeconds(30));

      // Unlimited, the same chargers and server exchange thousands of CALLs per second once warm;
      // a cold JVM on a busy machine may fall short of the target, but never exceed it.
      assertThat(summary.steadyRate()).isBetween(25.0, 110.0);
      assertThat(summary.total().failures()).isZero();
    }
  }

  @Test
  void idleChargersBootAnnounceAndThenOnlyAnswerWithBasicAuthSent() throws Exception {
    try (FakeCentralSystem server = new FakeCentralSystem(Set.of())) {
      Summary summary = run(server, 3, 0, Duration.ofSeconds(30), Mix.IDLE, "s3cret", List.of());

      assertThat(byAction(summary)).containsOnlyKeys("BootNotification", "StatusNotification");
      assertThat(summary.total().sent()).isEqualTo(6);
      assertThat(summary.connections().booted()).isEqualTo(3);
      assertThat(server.acceptedResets).hasValue(3);
      assertThat(server.authorizations)
          .containsExactlyInAnyOrder(
              "Basic " + base64("CP-1:s3cret"),
              "Basic " + base64("CP-2:s3cret"),
              "Basic " + base64("CP-3:s3cret"));
    }
  }

  @Test
  void answersLaterThanTheDelayThresholdAreCountedWithTheChargersThatGotThem() throws Exception {
    try (FakeCentralSystem server =
        new FakeCentralSystem(Set.of(), "/ocpp/CP-1", Duration.ofMillis(1100))) {
      Summary summary = run(server, 3, 0, Duration.ofSeconds(30), Mix.IDLE, "", List.of());

      // CP-1's BootNotification and StatusNotification are answered 1.1 s late, the others' at
      // once.
      assertThat(summary.total().sent()).isEqualTo(6);
      assertThat(summary.delayed())
          .isEqualTo(new Summary.Delayed(Duration.ofSeconds(1).toNanos(), Instant.EPOCH, 2, 1));
    }
  }

  @Test
  void delayedAnswersAreCountedOnlyFromTheGivenInstantOn() throws Exception {
    try (FakeCentralSystem server =
        new FakeCentralSystem(Set.of(), "/ocpp/CP-1", Duration.ofMillis(1500))) {
      // CP-1's BootNotification is answered 1.5 s after the run starts (its StatusNotification is
      // then sent, still within the 2 s run), its StatusNotification at 3 s. The run starts a few
      // hundred ms after now; counting from 2.25 s after now on leaves only the second answer.
      Instant from = Instant.now().plusMillis(2250);
      Summary summary = run(server, 3, 0, Duration.ofSeconds(30), Mix.IDLE, "", List.of(), from);

      assertThat(summary.delayed())
          .isEqualTo(new Summary.Delayed(Duration.ofSeconds(1).toNanos(), from, 1, 1));
    }
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void chargersConnectFromTheirSourceAddressesRoundRobin() throws Exception {
    try (FakeCentralSystem server = new FakeCentralSystem(Set.of())) {
      List<InetAddress> sources =
          SourceAddresses.parse("127.0.0.2-127.0.0.4", 6, URI.create(server.url()));
      Summary summary = run(server, 6, 0, Duration.ofSeconds(30), Mix.IDLE, "", sources);

      assertThat(summary.connections().booted()).isEqualTo(6);
      assertThat(server.remoteHosts)
          .containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3", "127.0.0.4");
    }
  }
}
