package dev.joule.status;

import java.util.Optional;

/** The components the status page shows, each with the node role that serves it. */
public enum Component {
  OCPP_CONNECTIONS("ocpp-connections", "OCPP connections", "gateway"),
  MESSAGE_PROCESSING("message-processing", "Message processing", "processor"),
  CHARGER_COMMANDS("charger-commands", "Charger commands", ""),
  API("api", "API", "api");

  private final String id;
  private final String title;
  private final String role;

  Component(String id, String title, String role) {
    this.id = id;
    this.title = title;
    this.role = role;
  }

  /** As the API and the database name it. */
  public String id() {
    return id;
  }

  /** As the page shows it. */
  public String title() {
    return title;
  }

  /** The role whose nodes are listed under it in a cluster; empty: no node rows. */
  String role() {
    return role;
  }

  public static Optional<Component> byId(String id) {
    for (Component component : values()) {
      if (component.id.equals(id)) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }
}
