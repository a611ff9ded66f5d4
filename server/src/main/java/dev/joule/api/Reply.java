package dev.joule.api;

/**
 * What a request is answered with when it succeeds.
 *
 * @param status the HTTP status
 * @param body what is written as JSON; null only for 204
 */
record Reply(int status, Object body) {
  static Reply ok(Object body) {
    return new Reply(200, body);
  }

  /** 201: the resource at the request's own path was created; it is sent back. */
  static Reply created(Object body) {
    return new Reply(201, body);
  }

  static Reply noContent() {
    return new Reply(204, null);
  }
}
