package dev.joule.api;

/**
 * What a request is answered with when it succeeds.
 *
 * @param status the HTTP status
 * @param body what is written as JSON, or a {@link Text} as it is; null only for 204
 * @param location the {@code Location} of a 201, when it is not the request's own path; null
 *     otherwise
 */
record Reply(int status, Object body, String location) {
  Reply(int status, Object body) {
    this(status, body, null);
  }

  static Reply ok(Object body) {
    return new Reply(200, body);
  }

  /** 201: the resource at the request's own path was created; it is sent back. */
  static Reply created(Object body) {
    return new Reply(201, body);
  }

  /** 201: a resource was created at {@code location} (e.g. by a POST to its collection). */
  static Reply createdAt(String location, Object body) {
    return new Reply(201, body, location);
  }

  /** 200 with a body that is not JSON, e.g. Markdown. */
  static Reply text(String contentType, String body) {
    return new Reply(200, new Text(contentType, body));
  }

  /** A body sent as it is, in UTF-8, with its content type. */
  record Text(String contentType, String body) {}

  static Reply noContent() {
    return new Reply(204, null);
  }
}
