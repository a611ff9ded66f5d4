package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CeilingServerTest {
  private final CeilingServer server = new CeilingServer();

  @Test
  void compactCallsAreAnsweredWithTheConstantResultOfTheirAction() {
    assertThat(server.answer("[2,\"m-7\",\"Heartbeat\",{}]"))
        .contains("[3,\"m-7\",{\"currentTime\":\"" + Answers.CURRENT_TIME + "\"}]");
    assertThat(server.answer("[2,\"9\",\"StartTransaction\",{\"connectorId\":1}]"))
        .contains("[3,\"9\",{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":1}]");
  }

  @Test
  void otherFramesTakeTheFullParse() {
    assertThat(server.answer("[ 2, \"a\\\"b\", \"Heartbeat\", {} ]"))
        .contains("[3,\"a\\\"b\",{\"currentTime\":\"" + Answers.CURRENT_TIME + "\"}]");
    assertThat(server.answer("[2,\"x\",\"Reset\",{\"type\":\"Soft\"}]"))
        .get()
        .asString()
        .startsWith("[4,\"x\",\"NotSupported\"");
    assertThat(server.answer("[3,\"x\",{}]")).isEmpty();
  }

  @Test
  void theSimulatorGetsAValidResultForEveryCallItSends() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      int port = CeilingServer.listen(vertx, "127.0.0.1", 0, 1).await();
      SimConfig config =
          new SimConfig(
              URI.create("ws://127.0.0.1:" + port + "/ocpp"),
              10,
              1,
              "CP-",
              Duration.ofMillis(200),
              Duration.ofMillis(1000),
              0,
              Duration.ofSeconds(10),
              1,
              1,
              Mix.REALISTIC,
              "",
              List.of(),
              Instant.EPOCH,
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              Duration.ofSeconds(1),
              0,
              10);
      Summary summary =
          new Simulation(
                  config,
                  Clock.systemUTC(),
                  new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
              .run();

      assertThat(summary.connections().booted()).isEqualTo(10);
      assertThat(summary.actions()).hasSizeGreaterThanOrEqualTo(5);
      // As fast as the machine goes for 1 s: more than the 10 boots, however loaded it is (a
      // loaded CI machine sent 99).
      assertThat(summary.total().sent()).isGreaterThan(30);
      assertThat(summary.total().results()).isEqualTo(summary.total().sent());
      assertThat(summary.total().failures()).isZero();
      assertThat(summary.unmatchedFrames()).isZero();
    } finally {
      vertx.close().await();
    }
  }
}
