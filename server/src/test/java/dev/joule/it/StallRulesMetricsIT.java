package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics and the fault endpoints of a Joule started without fault injection. */
class StallRulesMetricsIT {
  private static final Path RULES = Path.of("../deploy/prometheus/joule-alerts.yml");
  private static final Pattern METRIC = Pattern.compile("\\bjoule_[a-z_]+");

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
  void everyMetricThePrometheusRulesUseIsExposed() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RULES));
    Set<String> used = new TreeSet<>();
    for (JsonNode rule : rules.path("groups").get(0).path("rules")) {
      Matcher m = METRIC.matcher(rule.path("expr").asText());
      while (m.find()) {
        used.add(m.group());
      }
    }
    assertThat(used).hasSizeGreaterThan(8);
    String metrics = joule.get("/metrics").body();
    Set<String> exposed = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?m)^(joule_[a-z_]+?)(?:_bucket|_count|_sum|_max)?[{ ]").matcher(metrics);
    while (m.find()) {
      exposed.add(m.group(1));
    }
    assertThat(exposed).containsAll(used);
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
