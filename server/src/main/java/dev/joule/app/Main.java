package dev.joule.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code joule run}: starts every role in one JVM. The launcher script calls this. */
@Command(
    name = "joule",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.Provider.class,
    subcommands = {Main.Run.class, TokenCommand.class},
    description = "Joule, the OCPP 1.6J central system.")
public final class Main {
  /** Exit code for bad configuration. */
  static final int BAD_CONFIGURATION = 2;

  /** Exit code when start-up fails for another reason (database, port). */
  static final int START_FAILED = 3;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Start Joule: gateway, processors, API on an embedded PostgreSQL.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--port", description = "WebSocket and HTTP port (default 8180)")
    String port;

    @Option(names = "--data-dir", description = "embedded PostgreSQL data (default ./data)")
    String dataDir;

    @Option(names = "--db-url", description = "external PostgreSQL instead of the embedded one")
    String dbUrl;

    @Option(names = "--config", description = "YAML configuration file (default ./joule.yaml)")
    Path config;

    @Option(
        names = "--enable-fault-injection",
        description = "enable /api/v1/faults (rehearsing stalls; never in production)")
    boolean faultInjection;

    @Override
    public Integer call() {
      Config settings;
      try {
        settings = ConfigLoader.load(configFile(), System.getenv(), options());
      } catch (ConfigError e) {
        System.err.println("joule: bad configuration: " + e.getMessage());
        return BAD_CONFIGURATION;
      }
      settings.logFormat().apply(settings.bus().map(Config.Bus::nodeId).orElse(Joule.NODE));
      Joule joule;
      try {
        joule = Joule.start(settings);
      } catch (RuntimeException e) {
        System.err.println("joule: could not start: " + e.getMessage());
        return START_FAILED;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    joule.close();
                    stopped.countDown();
                  },
                  "joule-shutdown"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }

    private Optional<Path> configFile() {
      if (config != null) {
        return Optional.of(config);
      }
      Path local = Path.of("joule.yaml");
      return local.toFile().isFile() ? Optional.of(local) : Optional.empty();
    }

    private Map<String, String> options() {
      Map<String, String> options = new HashMap<>();
      if (port != null) {
        options.put("port", port);
      }
      if (dataDir != null) {
        options.put("data-dir", dataDir);
      }
      if (dbUrl != null) {
        options.put("db-url", dbUrl);
      }
      if (faultInjection) {
        options.put("fault-injection", "true");
      }
      return options;
    }
  }
}
