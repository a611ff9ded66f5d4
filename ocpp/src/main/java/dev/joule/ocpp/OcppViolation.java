package dev.joule.ocpp;

/**
 * A protocol fault that becomes a CALLERROR: the code to answer with and a description naming the
 * field at fault. Carries no stack trace: it reports bad input, not a bug, and is cheap to create
 * on a hot path.
 */
public final class OcppViolation extends RuntimeException {
  private final ErrorCode errorCode;

  public OcppViolation(ErrorCode errorCode, String description) {
    super(description, null, false, false);
    this.errorCode = errorCode;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The human-readable description sent in the CALLERROR. */
  public String description() {
    return getMessage();
  }
}
