package dev.joule.it;

import static dev.joule.it.IncidentsJson.newestAutomatic;
import static dev.joule.it.IncidentsJson.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postmortem draft of a stall, checked against what the chargers measured: six chargers send
 * Heartbeats all along while both workers hang; after the incident resolved itself the draft's
 * delayed CALLs, affected chargers and longest wait are what the chargers saw, and it knows that no
 * CALL was lost. Before the resolution it answers 409; an unknown incident 404.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostmortemIT {
  private static final int CHARGERS = 6;
  private static final long DELAYED_MICROS = 1_000_000;
  private static final String[] FAST =
      new String[] {
        "fault-injection", "true",
        "workers", "2",
        "stall-after", "2s",
        "alert-stall-held", "1s",
        "alert-resolve-after", "1s",
        "incident-quiet-period", "2s",
        "message-log", "false"
      };

  @TempDir Path dataDir;

  /** Each charger's waits, send to answer, in microseconds. */
  private final Map<String, List<Long>> waits = new ConcurrentHashMap<>();

  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private volatile boolean stop;

  @Test
  void theDraftOfAStallShowsWhatTheChargersWaitedAndThatNoCallWasLost() throws Exception {
    try (JouleServer joule = JouleServer.start(dataDir, FAST)) {
      assertThat(joule.get("/api/v1/incidents/999999/postmortem").statusCode()).isEqualTo(404);
      List<Thread> drivers = new ArrayList<>();
      for (int i = 1; i <= CHARGERS; i++) {
        String id = "CP-PM-" + i;
        waits.put(id, new CopyOnWriteArrayList<>());
        drivers.add(Thread.ofVirtual().start(() -> drive(joule, id)));
      }
      Await.until(() -> waits.values().stream().allMatch(w -> w.size() >= 3));
      assertThat(
              joule.post("/api/v1/faults/hang-workers", "{\"count\":2,\"seconds\":4}").statusCode())
          .isEqualTo(200);

      Await.until(() -> newestAutomatic(joule).has("id"));
      long id = newestAutomatic(joule).path("id").asLong();
      HttpResponse<String> early = joule.get("/api/v1/incidents/" + id + "/postmortem");
      assertThat(early.statusCode()).isEqualTo(409);
      assertThat(early.body()).contains("written once it is resolved");

      Await.until(
          () -> statuses(newestAutomatic(joule)).contains("monitoring"), Duration.ofSeconds(20));
      stop = true;
      for (Thread driver : drivers) {
        driver.join(Duration.ofSeconds(15));
      }
      assertThat(failures).isEmpty();
      Await.until(
          () -> statuses(newestAutomatic(joule)).contains("resolved"), Duration.ofSeconds(20));

      String path = "/api/v1/incidents/" + id + "/postmortem";
      assertThat(joule.sendAs(HttpRequest.newBuilder(joule.api(path)).GET().build()).statusCode())
          .as("without a token")
          .isEqualTo(401);
      Await.until(() -> joule.get(path).body().contains("- Messages lost: 0 ("));
      HttpResponse<String> draft = joule.get(path);
      assertThat(draft.statusCode()).isEqualTo(200);
      assertThat(draft.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
      String md = draft.body();

      List<Long> all = waits.values().stream().flatMap(List::stream).toList();
      long delayed = all.stream().filter(w -> w > DELAYED_MICROS).count();
      Set<String> affected = new TreeSet<>();
      waits.forEach(
          (charger, w) -> {
            if (w.stream().anyMatch(x -> x > DELAYED_MICROS)) {
              affected.add(charger);
            }
          });
      long longest = all.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(delayed).as("the stall delayed CALLs").isPositive();

      assertThat(number(md, "CALLs delayed beyond 1 s: (\\d+)")).isEqualTo(delayed);
      assertThat(number(md, "Chargers affected \\(a CALL delayed beyond 1 s\\): (\\d+)"))
          .isEqualTo(affected.size());
      // The gateway's wait lies inside the charger's; the p99 bucket is at most 25 % wide.
      assertThat(micros(md, "Longest wait of any CALL: ([0-9.]+ (?:µs|ms|s))"))
          .isBetween(longest * 3 / 4, longest + 1_000); // + rounding to the ms
      assertThat(md)
          .startsWith("# Postmortem draft: Message processing stalled")
          .containsSubsequence(
              "First signal: the condition of ProcessingStalled",
              "Alert ProcessingStalled fired on node-1",
              "**investigating**",
              "**identified**: worker processor-",
              "**monitoring**",
              "**resolved**")
          .contains("- **ProcessingStalled**; firing")
          .contains("Reply deadline misses (answered InternalError): 0")
          .contains("## Root cause")
          .contains("## Next steps");
      assertThat(joule.get("/status").body()).contains("/api/v1/incidents/" + id + "/postmortem");
    }
  }

  /** One charger: boots, then a Heartbeat every 100 ms, each timed, until told to stop. */
  private void drive(JouleServer joule, String id) {
    try (RawCharger charger = joule.charger(id)) {
      String boot =
          "[2,\"b\",\"BootNotification\","
              + "{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"PM\"}]";
      assertThat(charger.call(boot)).startsWith("[3,\"b\"");
      for (int n = 0; !stop; n++) {
        long sent = System.nanoTime();
        String answer = charger.call("[2,\"h" + n + "\",\"Heartbeat\",{}]");
        waits.get(id).add((System.nanoTime() - sent) / 1_000);
        assertThat(answer).startsWith("[3,\"h" + n + "\"");
        Thread.sleep(100); // pacing: a charger that sends on and on, not a wait for a condition
      }
    } catch (Throwable e) {
      failures.add(e);
    }
  }

  private static long number(String md, String regex) {
    Matcher m = Pattern.compile(regex).matcher(md);
    assertThat(m.find()).as(regex + " in\n" + md).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long micros(String md, String regex) {
    Matcher m = Pattern.compile(regex).matcher(md);
    assertThat(m.find()).as(regex + " in\n" + md).isTrue();
    String[] parts = m.group(1).split(" ");
    double value = Double.parseDouble(parts[0]);
    return switch (parts[1]) {
      case "s" -> Math.round(value * 1_000_000);
      case "ms" -> Math.round(value * 1_000);
      default -> Math.round(value);
    };
  }
}
