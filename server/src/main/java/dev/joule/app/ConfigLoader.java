package dev.joule.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.joule.alerting.AlertSettings;
import dev.joule.gateway.GatewayLimits;
import dev.joule.gateway.GatewaySettings;
import dev.joule.ocpp.WireEnum;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.RegistrationStatus;
import dev.joule.profile.core.CoreSettings;
import dev.joule.security.AdmissionPolicy;
import dev.joule.security.SecurityProfile;
import dev.joule.security.SecuritySettings;
import dev.joule.status.StatusSettings;
import dev.joule.supervision.SupervisionSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration: built-in defaults, then the YAML file (dashed keys), then {@code
 * JOULE_*} environment variables (key upper-cased, dashes as underscores: {@code JOULE_DATA_DIR}),
 * then command-line options; each layer overrides the one before. Every value is checked; the first
 * bad one stops start-up with a {@link ConfigError} naming it.
 */
public final class ConfigLoader {
  /** Every key with its default; "" means unset. The order is the documentation's. */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("port", "8180");
    DEFAULTS.put("event-loops", ""); // unset: one per core
    DEFAULTS.put("log-format", "text");
    DEFAULTS.put("data-dir", "./data");
    DEFAULTS.put("db-url", "");
    DEFAULTS.put("db-pool-size", "8");
    DEFAULTS.put("admission", ""); // unset: auto-register at security-profile 0, else known-only
    DEFAULTS.put("heartbeat-interval", "300s");
    DEFAULTS.put("boot-status", "Accepted");
    DEFAULTS.put("unknown-id-tags", "");
    DEFAULTS.put("max-frame-bytes", "65536");
    DEFAULTS.put("ping-interval", "60s");
    DEFAULTS.put("pong-timeout", "30s");
    DEFAULTS.put("tolerant-ping", "false");
    DEFAULTS.put("call-queue-limit", "16");
    DEFAULTS.put("frame-rate-limit", "100");
    DEFAULTS.put("max-connections", ""); // unset: the open-file limit less a reserve
    DEFAULTS.put("handshake-rate-limit", "0");
    DEFAULTS.put("reply-deadline", "20s");
    DEFAULTS.put("call-timeout", "30s");
    DEFAULTS.put("ack-wait", "5s");
    DEFAULTS.put("workers", "4");
    DEFAULTS.put("batch-size", "100");
    DEFAULTS.put("message-log", "true");
    DEFAULTS.put("message-log-retention", "7d");
    // supervision and alerting (issue 5)
    DEFAULTS.put("stall-after", "5s");
    DEFAULTS.put("not-ready-after", "2s");
    DEFAULTS.put("fail-after", "30s");
    DEFAULTS.put("db-probe-timeout", "1s");
    DEFAULTS.put("fault-injection", "false");
    DEFAULTS.put("on-processing-failure", "restart");
    DEFAULTS.put("alert-webhook-url", "");
    DEFAULTS.put("alert-stall-held", "3s");
    DEFAULTS.put("alert-oldest-waiting", "5s");
    DEFAULTS.put("alert-processing-behind-for", "15s");
    DEFAULTS.put("alert-redeliveries-per-minute", "100");
    DEFAULTS.put("alert-disconnects-per-minute", "100");
    DEFAULTS.put("alert-command-timeouts-per-minute", "10");
    DEFAULTS.put("alert-authentication-failures-per-minute", "20");
    DEFAULTS.put("alert-db-latency", "500ms");
    DEFAULTS.put("alert-resolve-after", "10s");
    // status page and incidents (issue 11)
    DEFAULTS.put("incident-quiet-period", "10m");
    DEFAULTS.put("status-page", "true");
    // events stream (issue 4)
    DEFAULTS.put("events-retention", "10m");
    // scale-out (issue 10)
    DEFAULTS.put("roles", "gateway,processor,api,supervisor");
    DEFAULTS.put("nats-url", "");
    DEFAULTS.put("cluster", "joule");
    DEFAULTS.put("node-id", ""); // unset: host name and pid
    DEFAULTS.put("max-deliver", "5");
    DEFAULTS.put("instance-gone-after", "3s");
    // security (issue 12)
    DEFAULTS.put("security-profile", "0");
    DEFAULTS.put("tls-cert-file", "");
    DEFAULTS.put("tls-key-file", "");
    DEFAULTS.put("tls-client-ca-file", "");
    DEFAULTS.put("csr-ca-cert-file", "");
    DEFAULTS.put("csr-ca-key-file", "");
    DEFAULTS.put("csr-validity-days", "365");
  }

  /** Names that are safe inside a NATS subject, stream and consumer name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** More threads than this would only add context switches, whatever the machine. */
  static final int MAX_EVENT_LOOPS = 256;

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private ConfigLoader() {}

  /**
   * @param file the YAML file, if any (a missing file given explicitly is an error)
   * @param environment usually {@code System.getenv()}
   * @param options command-line values by key
   */
  public static Config load(
      Optional<Path> file, Map<String, String> environment, Map<String, String> options) {
    Map<String, String> values = new HashMap<>(DEFAULTS);
    file.ifPresent(path -> values.putAll(readYaml(path)));
    for (String key : DEFAULTS.keySet()) {
      String variable = "JOULE_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
      if (environment.containsKey(variable)) {
        values.put(key, environment.get(variable));
      }
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      if (!DEFAULTS.containsKey(option.getKey())) {
        throw new ConfigError(option.getKey(), "unknown key");
      }
      values.put(option.getKey(), option.getValue());
    }
    Optional<String> apiToken =
        Optional.ofNullable(environment.get(Config.API_TOKEN_VARIABLE))
            .filter(token -> !token.isBlank());
    apiToken.ifPresent(
        token -> {
          if (token.length() < 16) {
            throw new ConfigError(
                Config.API_TOKEN_VARIABLE, "must be at least 16 characters, got " + token.length());
          }
        });
    return build(new Values(values), apiToken);
  }

  private static Config build(Values v, Optional<String> apiToken) {
    Optional<String> dbUrl = v.optional("db-url");
    dbUrl.ifPresent(
        url -> {
          if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigError(
                "db-url", "must start with jdbc:postgresql://, got '" + url + "'");
          }
        });
    AuthorizationStatus unknownIdTags =
        v.optional("unknown-id-tags").isPresent()
            ? v.wireEnum("unknown-id-tags", AuthorizationStatus.class)
            : Config.defaultUnknownIdTags(dbUrl.isEmpty());
    if (unknownIdTags != AuthorizationStatus.ACCEPTED
        && unknownIdTags != AuthorizationStatus.INVALID) {
      throw new ConfigError("unknown-id-tags", "must be Accepted or Invalid");
    }
    Duration pingInterval = v.duration("ping-interval", true);
    GatewaySettings gateway =
        new GatewaySettings(
            v.integer("max-frame-bytes", 1024, 16 * 1024 * 1024),
            pingInterval,
            v.duration("pong-timeout", false),
            v.bool("tolerant-ping"),
            v.integer("call-queue-limit", 0, 10_000),
            v.duration("reply-deadline", false),
            v.duration("call-timeout", false));
    CoreSettings core =
        new CoreSettings(
            v.duration("heartbeat-interval", false),
            v.wireEnum("boot-status", RegistrationStatus.class),
            unknownIdTags);
    return new Config(
        v.integer("port", 0, 65535),
        v.path("data-dir"),
        dbUrl,
        v.integer("db-pool-size", 2, 200),
        security(v),
        core,
        gateway,
        new GatewayLimits(
            v.integer("frame-rate-limit", 0, 100_000),
            v.optional("max-connections").isPresent()
                ? v.integer("max-connections", 0, 10_000_000)
                : OpenFiles.connectionsAllowed(),
            v.integer("handshake-rate-limit", 0, 100_000)),
        v.duration("ack-wait", false),
        v.integer("workers", 1, 256),
        v.integer("batch-size", 1, 10_000),
        v.bool("message-log"),
        v.duration("message-log-retention", false),
        supervision(v),
        alerts(v),
        new StatusSettings(v.duration("incident-quiet-period", false), v.bool("status-page")),
        apiToken,
        v.duration("events-retention", true),
        v.optional("event-loops").isPresent()
            ? v.integer("event-loops", 1, MAX_EVENT_LOOPS)
            : Runtime.getRuntime().availableProcessors(),
        LogFormat.parse(v.get("log-format")),
        roles(v),
        bus(v, dbUrl),
        TlsKeys.read(v::optional),
        CsrCa.read(v::optional, v.integer("csr-validity-days", 1, 3650)));
  }

  /**
   * {@code security-profile} and {@code admission}: auto-register would let anyone in, so it is
   * refused from profile 1; profiles 2 and 3 need TLS, 3 the client CA.
   */
  private static SecuritySettings security(Values v) {
    SecurityProfile profile = SecurityProfile.of(v.integer("security-profile", 0, 3));
    Optional<String> admission = v.optional("admission");
    AdmissionPolicy policy =
        admission.isEmpty()
            ? (profile == SecurityProfile.NONE
                ? AdmissionPolicy.AUTO_REGISTER
                : AdmissionPolicy.KNOWN_ONLY)
            : switch (admission.get().toLowerCase(Locale.ROOT)) {
              case "auto-register" -> AdmissionPolicy.AUTO_REGISTER;
              case "known-only" -> AdmissionPolicy.KNOWN_ONLY;
              case "pending" -> AdmissionPolicy.PENDING;
              default ->
                  throw new ConfigError(
                      "admission",
                      "must be auto-register, known-only or pending, got '"
                          + admission.get()
                          + "'");
            };
    if (policy == AdmissionPolicy.AUTO_REGISTER && profile != SecurityProfile.NONE) {
      throw new ConfigError(
          "admission",
          "auto-register admits unauthenticated chargers: with security-profile "
              + profile.level()
              + " use known-only or pending");
    }
    boolean tls = v.optional("tls-cert-file").isPresent();
    if (profile.compareTo(SecurityProfile.TLS_BASIC) >= 0 && !tls) {
      throw new ConfigError(
          "security-profile", profile.level() + " needs TLS: set tls-cert-file and tls-key-file");
    }
    if (profile == SecurityProfile.TLS_CLIENT_CERTIFICATE
        && v.optional("tls-client-ca-file").isEmpty()) {
      throw new ConfigError(
          "security-profile", "3 needs tls-client-ca-file to check chargers' certificates");
    }
    return new SecuritySettings(profile, policy);
  }

  private static Set<Role> roles(Values v) {
    Set<Role> roles = Role.parse(v.get("roles"));
    if (roles.size() < Role.values().length && v.optional("nats-url").isEmpty()) {
      throw new ConfigError(
          "roles",
          "running only some roles needs nats-url: without NATS the roles meet only inside one"
              + " JVM");
    }
    return roles;
  }

  private static Optional<Config.Bus> bus(Values v, Optional<String> dbUrl) {
    Optional<String> natsUrl = v.optional("nats-url");
    if (natsUrl.isEmpty()) {
      return Optional.empty();
    }
    String url = natsUrl.get();
    if (!url.startsWith("nats://") && !url.startsWith("tls://")) {
      throw new ConfigError("nats-url", "must start with nats:// or tls://, got '" + url + "'");
    }
    if (dbUrl.isEmpty()) {
      throw new ConfigError(
          "db-url",
          "required with nats-url: every node of a cluster uses the same PostgreSQL server");
    }
    String cluster = v.name("cluster");
    String nodeId = v.optional("node-id").isPresent() ? v.name("node-id") : defaultNodeId();
    Duration goneAfter = v.duration("instance-gone-after", false);
    if (goneAfter.compareTo(Duration.ofSeconds(2)) < 0
        || goneAfter.compareTo(Duration.ofMinutes(1)) > 0) {
      // Heartbeats go once a second: below 2 s one late beat would mark a live node gone.
      throw new ConfigError(
          "instance-gone-after", "must be between 2s and 1m, got " + v.get("instance-gone-after"));
    }
    return Optional.of(
        new Config.Bus(url, cluster, nodeId, v.integer("max-deliver", 1, 1000), goneAfter));
  }

  /** Host name and pid, reduced to the characters a NATS subject allows. */
  static String defaultNodeId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "node";
    }
    String id = (host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9_-]", "-");
    return id.length() > 64 ? id.substring(id.length() - 64) : id;
  }

  private static SupervisionSettings supervision(Values v) {
    return new SupervisionSettings(
        v.duration("stall-after", false),
        v.duration("not-ready-after", false),
        v.duration("fail-after", false),
        v.duration("db-probe-timeout", false),
        v.bool("fault-injection"),
        v.onFailure());
  }

  private static AlertSettings alerts(Values v) {
    Optional<URI> webhook =
        v.optional("alert-webhook-url")
            .map(
                url -> {
                  if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new ConfigError(
                        "alert-webhook-url",
                        "must be an http:// or https:// URL, got '" + url + "'");
                  }
                  try {
                    return URI.create(url);
                  } catch (IllegalArgumentException e) {
                    throw new ConfigError("alert-webhook-url", "not a URL: " + e.getMessage());
                  }
                });
    return new AlertSettings(
        webhook,
        v.duration("alert-stall-held", false),
        v.duration("alert-oldest-waiting", false),
        v.duration("alert-processing-behind-for", true),
        v.integer("alert-redeliveries-per-minute", 0, 1_000_000),
        v.integer("alert-disconnects-per-minute", 0, 1_000_000),
        v.integer("alert-command-timeouts-per-minute", 0, 1_000_000),
        v.integer("alert-authentication-failures-per-minute", 0, 1_000_000),
        v.duration("alert-db-latency", false),
        v.duration("alert-resolve-after", true));
  }

  private static Map<String, String> readYaml(Path path) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      throw new ConfigError("config", "cannot read " + path + ": " + reason);
    }
    Map<String, String> values = new HashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return values;
    }
    if (!root.isObject()) {
      throw new ConfigError("config", path + " must be a map of keys to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!DEFAULTS.containsKey(entry.getKey())) {
        throw new ConfigError(entry.getKey(), "unknown key in " + path);
      }
      if (!entry.getValue().isValueNode()) {
        throw new ConfigError(entry.getKey(), "must be a single value in " + path);
      }
      values.put(entry.getKey(), entry.getValue().asText());
    }
    return values;
  }

  /** Typed reads of the merged values, each failing with the key's name. */
  private record Values(Map<String, String> raw) {
    String get(String key) {
      return raw.get(key).trim();
    }

    Optional<String> optional(String key) {
      String value = get(key);
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    int integer(String key, int min, int max) {
      String value = get(key);
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigError(
          key, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    boolean bool(String key) {
      String value = get(key).toLowerCase(Locale.ROOT);
      return switch (value) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw new ConfigError(key, "must be true or false, got '" + get(key) + "'");
      };
    }

    Duration duration(String key, boolean zeroAllowed) {
      String value = get(key);
      Matcher m = DURATION.matcher(value);
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        Duration d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            };
        if (zeroAllowed || !d.isZero()) {
          return d;
        }
      }
      throw new ConfigError(
          key,
          "must be a duration like 500ms, 30s, 5m, 2h or 7d"
              + (zeroAllowed ? "" : " above zero")
              + ", got '"
              + value
              + "'");
    }

    String name(String key) {
      String value = get(key);
      if (!NAME.matcher(value).matches()) {
        throw new ConfigError(
            key,
            "must be 1 to 64 letters, digits, '-' or '_' (it becomes part of NATS names), got '"
                + value
                + "'");
      }
      return value;
    }

    Path path(String key) {
      String value = get(key);
      if (value.isEmpty()) {
        throw new ConfigError(key, "must not be empty");
      }
      return Path.of(value);
    }

    <E extends Enum<E> & WireEnum> E wireEnum(String key, Class<E> type) {
      String value = get(key);
      for (E constant : type.getEnumConstants()) {
        if (constant.wire().equalsIgnoreCase(value)) {
          return constant;
        }
      }
      StringBuilder allowed = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.wire());
      }
      throw new ConfigError(key, "must be one of " + allowed + ", got '" + value + "'");
    }

    SupervisionSettings.OnFailure onFailure() {
      return switch (get("on-processing-failure").toLowerCase(Locale.ROOT)) {
        case "restart" -> SupervisionSettings.OnFailure.RESTART;
        case "exit" -> SupervisionSettings.OnFailure.EXIT;
        default ->
            throw new ConfigError(
                "on-processing-failure",
                "must be restart or exit, got '" + get("on-processing-failure") + "'");
      };
    }
  }
}
