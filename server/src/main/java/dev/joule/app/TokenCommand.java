package dev.joule.app;

import dev.joule.domain.access.ApiTokens;
import dev.joule.store.ApiTokenRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code joule token create}: stores the hash of a new API token and prints the token once; {@code
 * joule token list}: the tokens (id, name, created, last used; never a token); {@code joule token
 * revoke <id>}: deletes a stored token. Uses the same database as {@code joule run} (same options).
 * With the embedded database Joule must be stopped first: the data directory belongs to one process
 * at a time. Against a shared database ({@code --db-url}) a running Joule refuses a revoked token
 * within a second.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    },
    description = "API bearer tokens.")
final class TokenCommand {
  /** Exit code of {@code revoke} for an id that is not a stored token. */
  static final int NOT_FOUND = 4;

  /** The options every token subcommand shares: which database. */
  static final class DatabaseOptions {
    @Option(names = "--data-dir", description = "embedded PostgreSQL data (default ./data)")
    String dataDir;

    @Option(names = "--db-url", description = "external PostgreSQL instead of the embedded one")
    String dbUrl;

    @Option(names = "--config", description = "YAML configuration file (default ./joule.yaml)")
    Path config;

    /**
     * Runs {@code work} on the tokens of the configured database: its exit code, or after one line
     * on stderr {@link Main#BAD_CONFIGURATION} or {@link Main#START_FAILED}.
     */
    int withTokens(String what, Function<ApiTokens, Integer> work) {
      Optional<Config> settings = settings();
      if (settings.isEmpty()) {
        return Main.BAD_CONFIGURATION;
      }
      try (TokenDatabase db = TokenDatabase.open(settings.get())) {
        return work.apply(
            new ApiTokens(
                db.database(),
                new ApiTokenRepository(),
                settings.get().apiToken(),
                Clock.systemUTC()));
      } catch (RuntimeException e) {
        System.err.println("joule: could not " + what + ": " + e.getMessage());
        return Main.START_FAILED;
      }
    }

    /** The settings, or empty after saying on stderr what is wrong with them. */
    private Optional<Config> settings() {
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
        return Optional.of(ConfigLoader.load(file, System.getenv(), options));
      } catch (ConfigError e) {
        System.err.println("joule: bad configuration: " + e.getMessage());
        return Optional.empty();
      }
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API token and print it (it is shown only once).")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", description = "what the token is for (default: cli)")
    String name = "cli";

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      return database.withTokens(
          "create a token",
          tokens -> {
            String token = tokens.create(name);
            System.out.println(token);
            System.err.println(
                "joule: token '"
                    + name
                    + "' created; it is shown only this once. Use it as"
                    + " 'Authorization: Bearer <token>'.");
            return 0;
          });
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the API tokens: id, name, created, last used (never the tokens).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      return database.withTokens(
          "list the tokens",
          tokens -> {
            System.out.print(table(tokens.list()));
            return 0;
          });
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a stored API token by its id (from 'joule token list').")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "<id>", description = "the token's id")
    String id;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      return database.withTokens(
          "revoke the token",
          tokens ->
              switch (tokens.revoke(id)) {
                case REVOKED -> {
                  System.err.println("joule: token " + id + " revoked");
                  yield 0;
                }
                case NOT_FOUND -> {
                  System.err.println(
                      "joule: no stored token with id '" + id + "' (joule token list)");
                  yield NOT_FOUND;
                }
                case CONFIGURED -> {
                  System.err.println(
                      "joule: token 'configured' comes from JOULE_API_TOKEN, not from the database:"
                          + " unset the variable and restart Joule to stop accepting it");
                  yield NOT_FOUND;
                }
              });
    }
  }

  /** One line per token, columns aligned; times in ISO-8601 UTC, {@code -} when not recorded. */
  static String table(List<ApiTokens.Listed> tokens) {
    String format = "%-12s %-24s %-22s %s%n";
    StringBuilder out =
        new StringBuilder(String.format(format, "ID", "NAME", "CREATED", "LAST USED"));
    for (ApiTokens.Listed token : tokens) {
      out.append(
          String.format(
              format,
              token.id(),
              token.name(),
              token
                  .createdAt()
                  .map(Object::toString)
                  .orElse(token.configured() ? "(environment)" : "-"),
              token
                  .lastUsedAt()
                  .map(Object::toString)
                  .orElse(token.configured() ? "(not recorded)" : "never")));
    }
    return out.toString();
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
