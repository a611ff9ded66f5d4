package dev.joule.it;

import static dev.joule.it.CampaignsIT.awaitStatus;
import static dev.joule.it.CampaignsIT.campaign;
import static dev.joule.it.CampaignsIT.create;
import static dev.joule.it.CampaignsIT.total;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's state is in PostgreSQL only: Joule stopped mid-campaign and started again on the
 * same data directory carries on with it (decision 0015).
 */
class CampaignRestartIT {
  @TempDir Path dataDir;

  @Test
  void aCampaignGoesOnAfterJouleRestartsAndItsChargersInFlightThenTimeOut() throws Exception {
    long id;
    try (JouleServer first = JouleServer.start(dataDir)) {
      try (Sim sim = Sim.start(first, "RS-", 8, "--firmware-steps", "300ms")) {
        Sim.awaitConnected(first, "RS-", 8);
        id =
            create(
                    first,
                    "firmware",
                    "{\"filter\":{\"idPrefix\":\"RS-\"},\"location\":\"ftp://fw/rs.bin\","
                        + "\"concurrency\":2,\"chargerTimeout\":8,\"offlineRetryInterval\":1}")
                .path("id")
                .asLong();
        Await.until(() -> total(campaign(first, id), "installed") >= 2, CampaignsIT.CAMPAIGN);
        assertThat(first.post("/api/v1/campaigns/" + id + "/pause", "").statusCode())
            .isEqualTo(200);
      }
    }

    try (JouleServer second = JouleServer.start(dataDir)) {
      JsonNode restarted = campaign(second, id);
      assertThat(restarted.path("status").asText()).isEqualTo("paused");
      int installedBefore = total(restarted, "installed");
      int pending = total(restarted, "pending");
      assertThat(installedBefore).isGreaterThanOrEqualTo(2);
      assertThat(pending).isPositive();
      try (Sim sim = Sim.start(second, "RS-", 8)) {
        Sim.awaitConnected(second, "RS-", 8);
        assertThat(second.post("/api/v1/campaigns/" + id + "/resume", "").statusCode())
            .isEqualTo(200);
        JsonNode done = awaitStatus(second, id, "completed");
        // the pending chargers were sent to by the second process and installed; those the first
        // had in flight were updating in a simulator that is gone: nothing reports, they time out
        assertThat(total(done, "installed"))
            .as(done.toString())
            .isEqualTo(installedBefore + pending);
        assertThat(total(done, "timed-out")).isEqualTo(8 - installedBefore - pending);
        assertThat(total(done, "installed") + total(done, "timed-out")).isEqualTo(8);
      }
    }
  }
}
