package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard and the Prometheus rule file use exists on {@code /metrics} of
 * a running Joule, with the type the query needs, and every label they group or filter by is on it
 * (issue 16): a renamed metric or label fails here, not on an operator's empty panel. The cluster
 * gauges (joule_instance_*) are checked on the same single node: it exposes its own heartbeat's row
 * (InstanceMonitor.single), under the same names as every node of a cluster.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DashboardMetricsIT {
  private static final Path DASHBOARD = Path.of("../deploy/grafana/joule-dashboard.json");
  private static final Path RULES = Path.of("../deploy/prometheus/joule-alerts.yml");
  private static final Pattern METRIC = Pattern.compile("\\bjoule_[a-z_]+");
  private static final Pattern RATE = Pattern.compile("\\b(?:rate|irate|increase)\\(\\s*(\\w+)");
  private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");
  private static final Pattern SELECTOR = Pattern.compile("(joule_[a-z_]+)\\{([^}]*)}");
  private static final Pattern LEGEND = Pattern.compile("\\{\\{(\\w+)}}");
  private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (joule_[a-z_]+) (\\w+)$");
  private static final Pattern SAMPLE =
      Pattern.compile("(?m)^(joule_[a-z_]+)(?:\\{([^}]*)})? \\S+");

  /** Labels Prometheus adds to every scraped series. */
  private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

  @TempDir static Path dataDir;
  static JouleServer joule;

  /** Exposed sample names (joule_x_total, joule_y_bucket, joule_z) and their family's type. */
  static Map<String, String> types = new TreeMap<>();

  /** Exposed sample names and the label names their samples carry. */
  static Map<String, Set<String>> labels = new HashMap<>();

  @BeforeAll
  static void startAndDriveACharger() throws Exception {
    joule = JouleServer.start(dataDir);
    try (RawCharger charger = joule.charger("CP-DASH")) {
      assertThat(
              charger.call(
                  "[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"Joule\","
                      + "\"chargePointModel\":\"Dashboard\"}]"))
          .contains("Accepted");
      assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).contains("currentTime");
      // a command with an outcome: joule_commands_completed_total{action,status} exists after it
      assertThat(
              joule
                  .roundTrip(
                      charger,
                      "CP-DASH",
                      "TriggerMessage",
                      "{\"requestedMessage\":\"Heartbeat\"}",
                      "{\"status\":\"Accepted\"}")
                  .path("status")
                  .asText())
          .isEqualTo("accepted");
      assertThat(
              charger.call(
                  "[2,\"s1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
                      + "\"status\":\"Available\"}]"))
          .startsWith("[3,\"s1\"");
      // the single node's own instance row appears with its first heartbeat
      Await.until(
          () -> joule.get("/metrics").body().contains("joule_instance_up{"),
          Duration.ofSeconds(20));
    }
    String metrics = joule.get("/metrics").body();
    Matcher type = TYPE.matcher(metrics);
    while (type.find()) {
      String family = type.group(1);
      switch (type.group(2)) {
        case "counter" ->
            types.put(family.endsWith("_total") ? family : family + "_total", "counter");
        case "histogram" -> {
          types.put(family + "_bucket", "histogram");
          types.put(family + "_count", "histogram");
          types.put(family + "_sum", "histogram");
        }
        default -> types.put(family, type.group(2));
      }
    }
    Matcher sample = SAMPLE.matcher(metrics);
    while (sample.find()) {
      Set<String> names = labels.computeIfAbsent(sample.group(1), n -> new TreeSet<>());
      if (sample.group(2) != null) {
        for (String pair : sample.group(2).split(",(?=\\w+=\")")) {
          names.add(pair.substring(0, pair.indexOf('=')));
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void theDashboardShowsWhatAnEngineerOnCallNeeds() throws Exception {
    Set<String> used = metricsIn(dashboardExpressions());
    assertThat(used)
        .contains(
            "joule_messages_received_total",
            "joule_messages_processed_total",
            "joule_processing_duration_seconds_bucket",
            "joule_inbox_backlog_messages",
            "joule_inbox_oldest_waiting_seconds",
            "joule_processing_worker_held_seconds",
            "joule_processing_stalls_total",
            "joule_processing_restarts_total",
            "joule_inbox_redeliveries_total",
            "joule_inbox_dead_lettered_total",
            "joule_chargers_connected",
            "joule_chargers_disconnects_total",
            "joule_commands_sent_total",
            "joule_commands_timeouts_total",
            "joule_commands_completed_total",
            "joule_replies_deadline_missed_total",
            "joule_db_latency_seconds",
            "joule_alert_firing",
            "joule_instance_up",
            "joule_instance_stalled");
    assertThat(dashboardExpressions())
        .anyMatch(e -> e.startsWith("histogram_quantile(0.99, sum by (le"));
  }

  @Test
  void everyMetricOfTheDashboardExistsWithTheTypeItsQueryNeeds() throws Exception {
    checkTypes(dashboardExpressions());
  }

  @Test
  void everyMetricOfThePrometheusRulesExistsWithTheTypeItsQueryNeeds() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RULES));
    List<String> expressions = new ArrayList<>();
    for (JsonNode rule : rules.path("groups").get(0).path("rules")) {
      expressions.add(rule.path("expr").asText());
    }
    assertThat(metricsIn(expressions)).hasSizeGreaterThan(8);
    checkTypes(expressions);
  }

  @Test
  void everyLabelTheDashboardGroupsFiltersOrNamesByIsOnItsMetric() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        Set<String> wanted = new TreeSet<>();
        collect(BY, expr, wanted);
        collect(LEGEND, target.path("legendFormat").asText(), wanted);
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
          for (String pair : selector.group(2).split(",")) {
            wanted.add(pair.split("[=!~]")[0].trim());
          }
        }
        wanted.removeAll(TARGET_LABELS);
        wanted.remove("le");
        Set<String> carried = new TreeSet<>();
        metricsIn(List.of(expr)).forEach(m -> carried.addAll(labels.getOrDefault(m, Set.of())));
        assertThat(carried).as(panel.path("title").asText() + ": " + expr).containsAll(wanted);
      }
    }
  }

  @Test
  void theDashboardAsksForItsPrometheusDataSource() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
    assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    for (JsonNode panel : dashboard.path("panels")) {
      if (!panel.path("type").asText().equals("row")) {
        assertThat(panel.path("datasource").path("uid").asText())
            .as(panel.path("title").asText())
            .isEqualTo("${" + variable.path("name").asText() + "}");
      }
    }
  }

  /**
   * Each metric exists; {@code _total} is a counter, {@code _bucket} a histogram's, any other a
   * gauge; rate() and increase() only over counters and buckets; quantiles only from buckets.
   */
  private static void checkTypes(List<String> expressions) {
    for (String expr : expressions) {
      for (String metric : metricsIn(List.of(expr))) {
        String expected =
            metric.endsWith("_total")
                ? "counter"
                : metric.endsWith("_bucket") ? "histogram" : "gauge";
        assertThat(types.get(metric)).as(metric + " in " + expr).isEqualTo(expected);
      }
      Matcher rate = RATE.matcher(expr);
      while (rate.find()) {
        assertThat(rate.group(1)).as("rate/increase in " + expr).matches(".+_(total|bucket)");
      }
      if (expr.contains("histogram_quantile(")) {
        assertThat(expr).contains("_bucket").containsPattern("by \\([^)]*\\ble\\b");
      }
    }
  }

  private static List<String> dashboardExpressions() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asText());
      }
    }
    assertThat(expressions).hasSizeGreaterThan(20);
    return expressions;
  }

  private static Set<String> metricsIn(List<String> expressions) {
    Set<String> used = new TreeSet<>();
    for (String expr : expressions) {
      collect(METRIC, expr, used);
    }
    return used;
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      String group = m.groupCount() == 0 ? m.group() : m.group(1);
      for (String part : group.split(",")) {
        if (!part.isBlank()) {
          into.add(part.trim());
        }
      }
    }
  }
}
