package dev.joule.store;

/**
 * The database could not do what was asked: it did not start, cannot be reached, a migration
 * failed, or a statement failed. The message names what failed in one line.
 */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatabaseException(String message) {
    super(message);
  }
}
