package dev.joule.app;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a Joule process does; the embedded default runs all four in one JVM (DESIGN.md, Shape). */
public enum Role {
  /** Holds the chargers' WebSockets and forwards their CALLs to the inbox. */
  GATEWAY,
  /** Leases inbox messages, runs the handlers, commits, publishes the replies. */
  PROCESSOR,
  /** The REST API and the events stream. */
  API,
  /** Evaluates the alert rules. */
  SUPERVISOR;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the {@code roles} key: a comma list of role names, none twice. */
  static Set<Role> parse(String value) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : value.split(",")) {
      String name = part.trim();
      Role role = null;
      for (Role candidate : values()) {
        if (candidate.key().equals(name.toLowerCase(Locale.ROOT))) {
          role = candidate;
        }
      }
      if (role == null) {
        throw new ConfigError(
            "roles", "unknown role '" + name + "' (roles are gateway, processor, api, supervisor)");
      }
      roles.add(role);
    }
    return roles;
  }
}
