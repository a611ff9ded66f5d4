package dev.joule.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Joule's charger simulator ({@code ./joule sim}) in this JVM, on real WebSockets: {@code chargers}
 * chargers named {@code prefix1..prefixN} with the given extra options, until closed. It is the
 * charger side of campaigns: it answers UpdateFirmware, SignedUpdateFirmware, GetDiagnostics and
 * GetLog and sends their status notifications ({@code --firmware-steps} apart).
 */
final class Sim implements AutoCloseable {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Thread thread;

  private Sim(Thread thread) {
    this.thread = thread;
  }

  static Sim start(JouleServer joule, String prefix, int chargers, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--url",
                "ws://127.0.0.1:" + joule.port() + "/ocpp",
                "--prefix",
                prefix,
                "--chargers",
                Integer.toString(chargers),
                "--ramp",
                "500ms",
                "--duration",
                "1h",
                "--rate",
                Integer.toString(Math.max(1, chargers / 10)),
                "--source-addresses",
                "none"));
    args.addAll(List.of(options));
    if (!args.contains("--firmware-steps")) { // picocli takes an option once
      args.addAll(List.of("--firmware-steps", "200ms"));
    }
    Thread thread =
        Thread.ofPlatform()
            .daemon()
            .name("sim-" + prefix)
            .start(() -> run(args.toArray(String[]::new)));
    return new Sim(thread);
  }

  /** Runs the simulator's command line; being stopped by {@link #close} is its normal end. */
  private static void run(String[] args) {
    CommandLine cli = new CommandLine(new dev.joule.sim.Main());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof InterruptedException
              || (e instanceof IllegalStateException && "interrupted".equals(e.getMessage()))) {
            return 0;
          }
          throw e;
        });
    cli.execute(args);
  }

  /**
   * Waits until {@code chargers} chargers named {@code prefix...} are connected to {@code joule}.
   */
  static void awaitConnected(JouleServer joule, String prefix, int chargers) {
    Await.until(
        () -> {
          String body =
              joule.get("/api/v1/chargers?connected=true&limit=500&idPrefix=" + prefix).body();
          try {
            return JSON.readTree(body).path("items").size() >= chargers;
          } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
          }
        },
        Duration.ofSeconds(60));
  }

  /** Stops it: its chargers' connections close. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(30));
  }
}
