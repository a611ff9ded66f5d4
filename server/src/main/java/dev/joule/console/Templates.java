package dev.joule.console;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's Mustache templates ({@code resources/console/templates}), compiled once at start so
 * a broken template stops start-up rather than a page. {@code {{value}}} is HTML-escaped by the
 * engine; the templates use no triple mustache, so every value from the database or the user is
 * escaped.
 */
final class Templates {
  static final List<String> NAMES =
      List.of(
          "login",
          "chargers",
          "charger-list",
          "charger-rows",
          "charger",
          "connectors",
          "transactions",
          "transaction-list",
          "id-tags",
          "reservations",
          "reservation-rows",
          "local-list",
          "meter-chart",
          "charging-profiles",
          "charging-profile-list",
          "commands",
          "command-form",
          "command-result",
          "configuration",
          "health",
          "health-panel",
          "error");

  private final Map<String, Mustache> compiled;

  Templates() {
    DefaultMustacheFactory factory = new DefaultMustacheFactory("console/templates");
    this.compiled =
        NAMES.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(), name -> factory.compile(name + ".mustache")));
  }

  String render(String name, Object scope) {
    Mustache template = compiled.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no console template " + name);
    }
    StringWriter out = new StringWriter();
    template.execute(out, scope);
    return out.toString();
  }
}
