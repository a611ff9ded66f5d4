package dev.joule.console;

/** An answer of the console: a status and an HTML page or fragment. */
record Rendered(int status, String html) {
  static Rendered ok(String html) {
    return new Rendered(200, html);
  }
}
