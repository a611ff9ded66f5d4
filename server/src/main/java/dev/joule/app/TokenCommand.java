package dev.joule.app;

import dev.joule.domain.access.ApiTokens;
import dev.joule.store.ApiTokenRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code joule token create}: stores the hash of a new API token and prints the token once. Uses
 * the same database as {@code joule run} (same options). With the embedded database Joule must be
 * stopped first: the data directory belongs to one process at a time.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    subcommands = {TokenCommand.Create.class},
    description = "API bearer tokens.")
final class TokenCommand {
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API token and print it (it is shown only once).")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", description = "what the token is for (default: cli)")
    String name = "cli";

    @Option(names = "--data-dir", description = "embedded PostgreSQL data (default ./data)")
    String dataDir;

    @Option(names = "--db-url", description = "external PostgreSQL instead of the embedded one")
    String dbUrl;

    @Option(names = "--config", description = "YAML configuration file (default ./joule.yaml)")
    Path config;

    @Override
    public Integer call() {
      Config settings;
      try {
        Map<String, String> options = new HashMap<>();
        if (dataDir != null) {
          options.put("data-dir", dataDir);
        }
        if (dbUrl != null) {
          options.put("db-url", dbUrl);
        }
        Optional<Path> file =
            Optional.ofNullable(config)
                .or(
                    () ->
                        Path.of("joule.yaml").toFile().isFile()
                            ? Optional.of(Path.of("joule.yaml"))
                            : Optional.empty());
        settings = ConfigLoader.load(file, System.getenv(), options);
      } catch (ConfigError e) {
        System.err.println("joule: bad configuration: " + e.getMessage());
        return Main.BAD_CONFIGURATION;
      }
      try (TokenDatabase db = TokenDatabase.open(settings)) {
        String token =
            new ApiTokens(
                    db.database, new ApiTokenRepository(), Optional.empty(), Clock.systemUTC())
                .create(name);
        System.out.println(token);
        System.err.println(
            "joule: token '"
                + name
                + "' created; it is shown only this once. Use it as"
                + " 'Authorization: Bearer <token>'.");
        return 0;
      } catch (RuntimeException e) {
        System.err.println("joule: could not create a token: " + e.getMessage());
        return Main.START_FAILED;
      }
    }
  }

  /** The database of {@code settings}, embedded or not, closed together. */
  private record TokenDatabase(Optional<EmbeddedPostgres> embedded, Database database)
      implements AutoCloseable {
    static TokenDatabase open(Config settings) {
      if (!settings.embeddedDatabase()) {
        return new TokenDatabase(
            Optional.empty(),
            Database.open(settings.dbUrl().orElseThrow(), Database.MIN_POOL_SIZE));
      }
      EmbeddedPostgres server =
          EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(settings.dataDir()));
      try {
        return new TokenDatabase(
            Optional.of(server), Database.open(server, Database.MIN_POOL_SIZE));
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }

    @Override
    public void close() {
      database.close();
      embedded.ifPresent(EmbeddedPostgres::close);
    }
  }
}
