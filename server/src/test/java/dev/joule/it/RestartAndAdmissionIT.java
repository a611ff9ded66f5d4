package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data survives a restart of Joule; admission policies decide who may connect. */
class RestartAndAdmissionIT {
  @TempDir Path dataDir;

  @Test
  void aRestartKeepsEverythingAndKnownOnlyAdmitsOnlyKnownChargers() {
    int transactionId;
    try (JouleServer first = JouleServer.start(dataDir);
        RawCharger charger = first.charger("CP-KEEP")) {
      charger.call(
          "[2,\"1\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]");
      transactionId =
          CoreProtocolIT.transactionId(
              charger.call(
                  "[2,\"2\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\","
                      + "\"meterStart\":5,\"timestamp\":\"2026-11-24T09:00:00Z\"}]"));
    }

    try (JouleServer second = JouleServer.start(dataDir, "admission", "known-only")) {
      assertThat(second.get("/api/v1/transactions/" + transactionId).statusCode()).isEqualTo(200);
      assertThat(second.get("/api/v1/chargers/CP-KEEP").body()).contains("\"vendor\":\"V\"");

      try (RawCharger known = second.charger("CP-KEEP")) {
        assertThat(known.call("[2,\"h\",\"Heartbeat\",{}]")).startsWith("[3,\"h\",");
      }
      assertThatThrownBy(() -> second.charger("CP-STRANGER"))
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              WebSocketHandshakeException.class,
              e -> assertThat(e.getResponse().statusCode()).isEqualTo(404));
    }
  }
}
