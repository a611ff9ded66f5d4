package dev.joule.api;

/**
 * A request the API answers with an error status and a message meant for the client. Thrown
 * anywhere in a request; {@link ApiErrors} alone turns it into the JSON error response.
 */
public final class ApiException extends RuntimeException {
  private final int status;

  private ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: a parameter (query, path or body field) named {@code name} is wrong, and why. */
  public static ApiException badParameter(String name, String why) {
    return new ApiException(400, name + ": " + why);
  }

  /** 404: {@code what} (e.g. "charger 'CP-1'") does not exist. */
  public static ApiException notFound(String what) {
    return new ApiException(404, what + " not found");
  }

  /** 409: the resource is not in a state that allows this yet, and why. */
  static ApiException conflict(String why) {
    return new ApiException(409, why);
  }

  public int status() {
    return status;
  }
}
