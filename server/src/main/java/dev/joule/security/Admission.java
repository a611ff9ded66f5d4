package dev.joule.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a charger may connect, before the WebSocket upgrade (OCPP-J 1.6 §3.1: an unknown
 * identity gets HTTP 404; the security whitepaper: credentials are checked before the upgrade).
 * Called off the event loop: implementations may query the database and hash keys.
 */
public interface Admission {
  Verdict admit(Knock knock);

  /**
   * What a handshake brings.
   *
   * @param chargerId the decoded identity of the path, already checked by {@link ChargerIdentity}
   * @param address the source address, for the log
   * @param tls whether the connection is TLS (wss)
   * @param authorization the Authorization header, if sent
   * @param certificates the client certificate chain the TLS layer verified against {@code
   *     tls-client-ca-file}; empty when none was sent (or TLS is off)
   */
  record Knock(
      String chargerId,
      String address,
      boolean tls,
      Optional<String> authorization,
      List<X509Certificate> certificates) {
    public Knock {
      certificates = List.copyOf(certificates);
    }

    /** A knock without TLS or credentials (profile 0, tests). */
    public static Knock plain(String chargerId) {
      return new Knock(chargerId, "unknown", false, Optional.empty(), List.of());
    }
  }

  /** The answer: upgrade, or refuse with an HTTP status. */
  sealed interface Verdict {}

  /** Upgrade the connection. */
  record Admitted() implements Verdict {}

  /**
   * Refuse the upgrade.
   *
   * @param status the HTTP status (400, 401, 404)
   * @param reason one line for the response body and the log; never a credential
   * @param challenge the {@code WWW-Authenticate} header to send with a 401, if any
   */
  record Refused(int status, String reason, Optional<String> challenge) implements Verdict {}

  Verdict ADMITTED = new Admitted();
}
