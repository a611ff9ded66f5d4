package dev.joule.security;

/**
 * Why a handshake was refused: the {@code reason} tag of {@code
 * joule_chargers_authentication_failures_total} and the log line. The text sent to the charger does
 * not tell a wrong key from a missing registration.
 */
public enum FailureReason {
  NO_TLS("no-tls", 401, false, "this charger's security profile needs TLS (wss)"),
  NO_CREDENTIALS("no-credentials", 401, true, "HTTP Basic credentials required"),
  WRONG_USER("wrong-user", 401, true, "the Basic user must be the charge point identity"),
  WRONG_KEY("wrong-key", 401, true, "wrong credentials"),
  NO_KEY("no-key-registered", 401, true, "wrong credentials"),
  NO_CLIENT_CERTIFICATE(
      "no-client-certificate", 401, false, "a client certificate signed by the CA is required"),
  CERTIFICATE_MISMATCH(
      "certificate-cn-mismatch", 401, false, "the client certificate's CN is not this identity"),
  UNKNOWN_CHARGER("unknown-charger", 404, false, "unknown charger");

  /** The challenge of OCPP's Basic auth (RFC 7617), sent with a 401 where Basic is expected. */
  public static final String CHALLENGE = "Basic realm=\"Joule\"";

  private final String tag;
  private final int status;
  private final boolean challenge;
  private final String text;

  FailureReason(String tag, int status, boolean challenge, String text) {
    this.tag = tag;
    this.status = status;
    this.challenge = challenge;
    this.text = text;
  }

  public String tag() {
    return tag;
  }

  public Admission.Refused refusal() {
    return new Admission.Refused(
        status, text, challenge ? java.util.Optional.of(CHALLENGE) : java.util.Optional.empty());
  }
}
