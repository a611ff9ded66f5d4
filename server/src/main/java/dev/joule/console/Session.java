package dev.joule.console;

import java.time.Instant;

/**
 * One operator's login: the cookie value {@code id}, the token every form of the session carries
 * ({@code csrf}), the fingerprint of the API token it logged in with ({@code token}: revoking that
 * token ends the session), and the two times after which it no longer counts.
 *
 * @param idleUntil renewed on every request, {@link Sessions#IDLE} ahead
 * @param endsAt {@link Sessions#LIFETIME} after the login, however active the session is
 */
record Session(String id, String csrf, String token, Instant idleUntil, Instant endsAt) {
  boolean validAt(Instant now) {
    return now.isBefore(idleUntil) && now.isBefore(endsAt);
  }
}
