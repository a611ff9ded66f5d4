package dev.joule.console;

import java.time.Instant;

/**
 * One operator's login: the cookie value {@code id}, the token every form of the session carries
 * ({@code csrf}), and the two times after which it no longer counts.
 *
 * @param idleUntil renewed on every request, {@link Sessions#IDLE} ahead
 * @param endsAt {@link Sessions#LIFETIME} after the login, however active the session is
 */
record Session(String id, String csrf, Instant idleUntil, Instant endsAt) {
  boolean validAt(Instant now) {
    return now.isBefore(idleUntil) && now.isBefore(endsAt);
  }
}
