package dev.joule.store;

/**
 * The database failed (connection lost, server down, out of resources), not the message: work in
 * progress is not answered and goes back for redelivery.
 */
public final class DatabaseUnavailable extends RuntimeException {
  public DatabaseUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
