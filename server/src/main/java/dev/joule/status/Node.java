package dev.joule.status;

import java.util.List;

/**
 * One node of a cluster as the status page needs it (the app maps the supervisor's instance view to
 * it).
 *
 * @param id the node id
 * @param roles its roles ({@code gateway}, {@code processor}, {@code api}, {@code supervisor})
 * @param state {@code live}, {@code stalled} or {@code gone}
 * @param detail what the supervisor sees, in words; empty when live
 * @param healings healing actions the node's own supervisor took since it started
 * @param lastHealing the last of them in words, empty when none
 */
public record Node(
    String id, List<String> roles, String state, String detail, long healings, String lastHealing) {
  public Node {
    roles = List.copyOf(roles);
  }

  /** A node that has not healed anything itself. */
  public Node(String id, List<String> roles, String state, String detail) {
    this(id, roles, state, detail, 0, "");
  }
}
