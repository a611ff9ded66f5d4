package dev.joule.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's static files, read from the class path once at start: its stylesheet, its few lines
 * of script, and htmx from its WebJar (served from here, so the console needs nothing from another
 * site and works offline).
 */
final class Assets {
  /** The htmx WebJar's version: keep in step with the pom's {@code org.webjars.npm:htmx.org}. */
  static final String HTMX_VERSION = "2.0.4";

  static final String PREFIX = Console.ROOT + "/assets/";

  private static final Map<String, String> FILES =
      Map.of(
          "console.css", "console/assets/console.css",
          "console.js", "console/assets/console.js",
          "htmx.min.js",
              "META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js");

  private Assets() {}

  static void mount(Router router) {
    FILES.forEach(
        (name, resource) -> {
          Buffer body = Buffer.buffer(read(resource));
          String type =
              name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
          router
              .get(PREFIX + name)
              .handler(
                  rc ->
                      rc.response()
                          .putHeader("Content-Type", type)
                          .putHeader("Cache-Control", "public, max-age=300")
                          .putHeader("X-Content-Type-Options", "nosniff")
                          .end(body));
        });
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("console asset missing from the class path: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
