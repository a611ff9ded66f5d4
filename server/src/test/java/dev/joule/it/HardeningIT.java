package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's limits against one misbehaving charger or source address (issue 12). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HardeningIT {
  @TempDir Path dir;

  @Test
  void aChargerOverTheFrameRateGetsCallErrorsThenIsClosedWith1008AndItsNeighbourIsUntouched()
      throws Exception {
    try (JouleServer joule = JouleServer.start(dir, "frame-rate-limit", "5");
        RawCharger flooding = joule.charger("FLOOD-1");
        RawCharger neighbour = joule.charger("CALM-1")) {
      assertThat(neighbour.call(boot("n0"))).startsWith("[3,\"n0\"");
      // Eight CALLs at once: five within the limit are processed, three are refused.
      for (int i = 0; i < 8; i++) {
        flooding.send("[2,\"h" + i + "\",\"Heartbeat\",{}]");
      }
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(flooding.next());
      }
      assertThat(answers.stream().filter(a -> a.startsWith("[3,"))).hasSize(5);
      assertThat(answers.stream().filter(a -> a.startsWith("[4,")))
          .hasSize(3)
          .allMatch(a -> a.contains("GenericError") && a.contains("5 frames in a second"));

      Thread.sleep(1100); // a new second
      for (int i = 0; i < 11; i++) {
        flooding.send("[2,\"f" + i + "\",\"Heartbeat\",{}]");
      }
      assertThat(flooding.closeCode()).isEqualTo(1008);
      assertThat(neighbour.call("[2,\"n1\",\"Heartbeat\",{}]")).startsWith("[3,\"n1\"");
      String metrics = joule.get("/metrics").body();
      assertThat(metrics).containsPattern("joule_frames_rate_limited_total [1-9]");
      assertThat(metrics).contains("joule_connections_rate_limit_closes_total 1.0");
    }
  }

  @Test
  void aFullGatewayAnswers503() throws Exception {
    try (JouleServer joule = JouleServer.start(dir, "max-connections", "2");
        RawCharger one = joule.charger("MAX-1");
        RawCharger two = joule.charger("MAX-2")) {
      assertThat(handshakeStatus(joule, "MAX-3")).isEqualTo(503);
      assertThat(one.call(boot("b1"))).startsWith("[3,\"b1\"");
      assertThat(joule.get("/metrics").body())
          .contains("joule_handshakes_limited_total{limit=\"max-connections\"} 1.0");
    }
  }

  @Test
  void aSourceAddressOverTheHandshakeRateGets429() throws Exception {
    try (JouleServer joule = JouleServer.start(dir, "handshake-rate-limit", "3")) {
      // Eight handshakes in a row span at most two one-second windows here: at most six pass.
      List<Integer> refused = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        try {
          joule.charger("RATE-" + i).close();
        } catch (RuntimeException e) {
          refused.add(status(e));
        }
      }
      assertThat(refused).isNotEmpty().containsOnly(429);
      assertThat(joule.get("/metrics").body())
          .containsPattern(
              "joule_handshakes_limited_total\\{limit=\"handshake-rate-limit\"} [1-9]");
    }
  }

  /** The HTTP status that refused {@code id}'s handshake; fails when it was accepted. */
  private static int handshakeStatus(JouleServer joule, String id) {
    try {
      joule.charger(id).close();
    } catch (RuntimeException e) {
      return status(e);
    }
    throw new AssertionError(id + " was accepted");
  }

  private static int status(Throwable refused) {
    Throwable cause = refused;
    while (cause != null && !(cause instanceof WebSocketHandshakeException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a refused handshake").isNotNull();
    return ((WebSocketHandshakeException) cause).getResponse().statusCode();
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
