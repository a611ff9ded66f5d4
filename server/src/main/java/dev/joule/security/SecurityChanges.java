package dev.joule.security;

import dev.joule.store.ChargerAuthRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * The whitepaper's configuration keys changed through ChangeConfiguration (edition 3, §3.2 and
 * §3.3), applied when the charger answered Accepted or RebootRequired, in the transaction that
 * records the answer:
 *
 * <ul>
 *   <li>{@code AuthorizationKey}: its hash replaces the charger's key, so the old key is refused
 *       from the next handshake on. RebootRequired counts too: the charger took the key and uses it
 *       after its restart, which is the next connection it makes; keeping the old key would lock it
 *       out then.
 *   <li>{@code SecurityProfile}: the charger's own profile is raised to the value, never lowered
 *       (§3.3: "it is not allowed to lower the security profile through OCPP"), so the old lower
 *       profile is refused from the next handshake on.
 * </ul>
 */
public final class SecurityChanges {
  public static final String SECURITY_PROFILE_KEY = "SecurityProfile";

  private final ChargerAuthRepository auth = new ChargerAuthRepository();

  /**
   * Why {@code value} cannot be sent for {@code key}, or empty (other keys: always empty). The API
   * refuses such a ChangeConfiguration before it reaches the charger.
   */
  public static Optional<String> problem(String key, String value) {
    if (AuthorizationKey.isKeyName(key)) {
      return AuthorizationKey.problem(value).map(why -> "AuthorizationKey " + why);
    }
    if (SECURITY_PROFILE_KEY.equalsIgnoreCase(key) && profile(value).isEmpty()) {
      return Optional.of("SecurityProfile must be 0, 1, 2 or 3");
    }
    return Optional.empty();
  }

  public void changed(
      Connection connection, String chargerId, String key, String value, Instant at) {
    if (AuthorizationKey.isKeyName(key) && AuthorizationKey.problem(value).isEmpty()) {
      auth.put(
          connection,
          chargerId,
          Optional.empty(),
          Optional.of(KeyHash.hash(value)),
          Optional.empty(),
          at);
    } else if (SECURITY_PROFILE_KEY.equalsIgnoreCase(key)) {
      profile(value).ifPresent(p -> auth.raiseProfile(connection, chargerId, p.level(), at));
    }
  }

  private static Optional<SecurityProfile> profile(String value) {
    return switch (value.trim()) {
      case "0", "1", "2", "3" -> Optional.of(SecurityProfile.of(Integer.parseInt(value.trim())));
      default -> Optional.empty();
    };
  }
}
