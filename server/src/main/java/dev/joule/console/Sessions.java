package dev.joule.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Console sessions, in this process's memory: a restart logs every operator out, and in a cluster a
 * session opened on one API node is unknown to the others (not yet shared; docs/console.md). A
 * session ends {@link #IDLE} after its last request or {@link #LIFETIME} after the login, whichever
 * comes first, or at logout. Ids and CSRF tokens are 256 random bits each (OWASP session
 * management: at least 64 bits of entropy); the id never appears in a page, the CSRF token never in
 * a cookie.
 */
final class Sessions {
  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration LIFETIME = Duration.ofHours(12);

  /** Above this many, expired sessions are swept at the next login. */
  private static final int SWEEP_ABOVE = 1_000;

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Supplier<String> randomTokens;

  /**
   * @param randomTokens a fresh unguessable token at each call (e.g. {@link RandomTokens})
   */
  Sessions(Clock clock, Supplier<String> randomTokens) {
    this.clock = clock;
    this.randomTokens = randomTokens;
  }

  /**
   * A new session, after the operator's token was checked.
   *
   * @param token the token's fingerprint ({@code ApiTokens.fingerprint})
   */
  Session open(String token) {
    Instant now = clock.instant();
    if (byId.size() > SWEEP_ABOVE) {
      byId.values().removeIf(session -> !session.validAt(now));
    }
    Session session =
        new Session(
            randomTokens.get(), randomTokens.get(), token, now.plus(IDLE), now.plus(LIFETIME));
    byId.put(session.id(), session);
    return session;
  }

  /** The live session of cookie value {@code id}, its idle time renewed; empty when none. */
  Optional<Session> find(String id) {
    Instant now = clock.instant();
    Session found = byId.get(id);
    if (found == null) {
      return Optional.empty();
    }
    if (!found.validAt(now)) {
      byId.remove(id, found);
      return Optional.empty();
    }
    Session renewed =
        new Session(found.id(), found.csrf(), found.token(), now.plus(IDLE), found.endsAt());
    byId.replace(id, found, renewed);
    return Optional.of(renewed);
  }

  void close(String id) {
    byId.remove(id);
  }

  /** Whether {@code offered} is the session's CSRF token, compared in constant time. */
  static boolean csrfMatches(Session session, String offered) {
    return offered != null && sameToken(session.csrf(), offered);
  }

  /** Constant-time comparison, so the time taken does not tell how much of a token was right. */
  static boolean sameToken(String expected, String offered) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
  }
}
