package dev.joule.domain.smartcharging;

/**
 * Joule cannot compute the composite schedule as asked: limits in A and in W would have to be
 * merged (decision 0014: no conversion without knowing the supply voltage). {@code field} is the
 * request parameter to change, or {@code profiles} when the installed profiles conflict.
 */
public final class CompositeRefused extends RuntimeException {
  private final String field;

  public CompositeRefused(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
