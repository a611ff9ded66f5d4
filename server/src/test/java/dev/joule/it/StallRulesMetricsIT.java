package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health and the fault endpoints of a Joule started without fault injection. The metrics the rule
 * file uses: DashboardMetricsIT.
 */
class StallRulesMetricsIT {
  @TempDir static Path dataDir;
  static JouleServer joule;

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void liveAndReadyAnswerWithJson() {
    var live = joule.get("/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"up\"");
    var ready = joule.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"ready\"");
  }

  @Test
  void healthListsEveryWorker() throws Exception {
    JsonNode health = new ObjectMapper().readTree(joule.get("/api/v1/health").body());
    assertThat(health.path("processing").path("workers")).hasSize(4);
    assertThat(health.path("processing").path("workers").get(0).path("name").asText())
        .isEqualTo("processor-0");
  }

  @Test
  void faultEndpointsDoNotExistWithoutFaultInjection() {
    assertThat(joule.get("/api/v1/faults/clear").statusCode()).isEqualTo(404);
  }
}
