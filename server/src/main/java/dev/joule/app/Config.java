package dev.joule.app;

import dev.joule.alerting.AlertSettings;
import dev.joule.gateway.GatewayLimits;
import dev.joule.gateway.GatewaySettings;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.profile.core.CoreSettings;
import dev.joule.profile.security.SigningSettings;
import dev.joule.security.SecuritySettings;
import dev.joule.status.StatusSettings;
import dev.joule.supervision.SupervisionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of a Joule process, validated.
 *
 * @param security the lowest security profile accepted and who may connect without registering
 * @param limits what one charger or source address may cost the gateway (hardening)
 * @param eventsRetention how long the events stream keeps events for clients that reconnect
 * @param eventLoops event-loop threads, each serving its share of the connections
 * @param logFormat lines for people ({@code text}) or one JSON object per line ({@code json})
 * @param roles what this process does
 * @param bus the NATS bus of a scaled-out cluster; empty: the in-process bus of one JVM
 * @param tls TLS on the port (wss and HTTPS); empty: plain ws and HTTP
 * @param signing the CA that signs chargers' SignCertificate CSRs, and for how long
 *     <p>Documented key by key in docs/configuration.md; read by {@link ConfigLoader} from
 *     defaults, joule.yaml, JOULE_* variables and the command line.
 */
public record Config(
    int port,
    Path dataDir,
    Optional<String> dbUrl,
    int dbPoolSize,
    SecuritySettings security,
    CoreSettings core,
    GatewaySettings gateway,
    GatewayLimits limits,
    Duration ackWait,
    int workers,
    int batchSize,
    boolean messageLog,
    Duration messageLogRetention,
    SupervisionSettings supervision,
    AlertSettings alerts,
    StatusSettings status,
    Optional<String> apiToken,
    Duration eventsRetention,
    int eventLoops,
    LogFormat logFormat,
    Set<Role> roles,
    Optional<Bus> bus,
    Optional<Tls> tls,
    SigningSettings signing) {

  /** The environment variable of the API token; never read from the YAML file (a secret). */
  public static final String API_TOKEN_VARIABLE = "JOULE_API_TOKEN";

  /**
   * The NATS side of a scaled-out cluster.
   *
   * @param natsUrl the NATS server (nats://host:port)
   * @param cluster prefix of every stream, consumer and subject, so clusters share one server
   * @param nodeId this process's name in the cluster; replies for its chargers are addressed to it
   * @param maxDeliver deliveries of one CALL after which it is dead-lettered
   */
  public record Bus(
      String natsUrl, String cluster, String nodeId, int maxDeliver, Duration instanceGoneAfter) {}

  /**
   * TLS on Joule's port (security profiles 2 and 3).
   *
   * @param certFile PEM: the server's certificate, then its chain
   * @param keyFile PEM: its private key
   * @param clientCaFile PEM: the CA that signs chargers' client certificates (profile 3)
   */
  public record Tls(Path certFile, Path keyFile, Optional<Path> clientCaFile) {}

  public boolean runs(Role role) {
    return roles.contains(role);
  }

  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  static AuthorizationStatus defaultUnknownIdTags(boolean embedded) {
    return embedded ? AuthorizationStatus.ACCEPTED : AuthorizationStatus.INVALID;
  }
}
