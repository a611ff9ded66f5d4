package dev.joule.security;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The credentials a handshake presented, read from its {@link Admission.Knock}.
 *
 * @param tls over wss
 * @param basicUser the user of an HTTP Basic Authorization header
 * @param basicPassword its password: compared to the stored hash, never logged
 * @param certificateCn the CN of the verified client certificate
 */
public record Presented(
    boolean tls,
    Optional<String> basicUser,
    Optional<String> basicPassword,
    Optional<String> certificateCn) {

  public static Presented of(Admission.Knock knock) {
    Optional<String[]> basic =
        knock.authorization().flatMap(header -> basic(header, knock.chargerId()));
    return new Presented(
        knock.tls(),
        basic.map(b -> b[0]),
        basic.map(b -> b[1]),
        knock.certificates().stream().findFirst().flatMap(Presented::commonName));
  }

  /**
   * User and password of {@code Basic base64(user:password)}. Identities may contain ':' (OCPP-J
   * §3.1.1), so a user that starts with the identity and ':' is split after the identity; otherwise
   * at the first ':' (RFC 7617).
   */
  static Optional<String[]> basic(String header, String identity) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.startsWith(identity + ":") ? identity.length() : decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }

  static Optional<String> commonName(X509Certificate certificate) {
    try {
      List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
      return rdns.stream()
          .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
          .map(rdn -> rdn.getValue().toString())
          .findFirst();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }
}
