package dev.joule.status;

import dev.joule.alerting.Evaluated;
import dev.joule.alerting.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Derives each component's state from the signals and the firing alerts of one evaluation round,
 * and, in a cluster, each node's under the components of its roles (the mapping is documented in
 * docs/operations.md, "Status page"). A pure function: the tests drive it with made-up rounds.
 */
final class ComponentStates {
  private ComponentStates() {}

  /** Every component, then every node row, in the page's order. */
  static List<Judged> judge(Evaluated round, List<Node> nodes) {
    Set<String> firing = Set.copyOf(round.firing());
    List<Judged> judged = new ArrayList<>();
    for (Component component : Component.values()) {
      Judged own = fromAlerts(component, firing, round.signals());
      judged.add(worst(own, fromNodes(component, nodes)));
    }
    for (Component component : Component.values()) {
      for (Node node : nodes) {
        if (!component.role().isEmpty() && node.roles().contains(component.role())) {
          judged.add(new Judged(component, node.id(), ofNode(node), reasonOf(node)));
        }
      }
    }
    return judged;
  }

  private static Judged fromAlerts(Component component, Set<String> firing, Signals signals) {
    return switch (component) {
      case MESSAGE_PROCESSING -> {
        if (firing.contains("ProcessingStalled")) {
          boolean nothingCompletes =
              signals.processedPerSecond() == 0
                  && (signals.backlog() > 0 || !signals.longestHeld().isZero());
          yield nothingCompletes
              ? judged(
                  component, ComponentState.MAJOR_OUTAGE, "ProcessingStalled; nothing completes")
              : judged(component, ComponentState.PARTIAL_OUTAGE, "ProcessingStalled");
        }
        yield degradedBy(
            component,
            firing,
            "ProcessingBehind",
            "OldestWaitingTooOld",
            "RedeliveriesHigh",
            "DatabaseSlow");
      }
      case OCPP_CONNECTIONS ->
          firing.contains("ChargersDisconnecting")
              ? judged(component, ComponentState.PARTIAL_OUTAGE, "ChargersDisconnecting")
              : operational(component);
      case CHARGER_COMMANDS -> degradedBy(component, firing, "CommandsTimingOut");
      case API -> degradedBy(component, firing, "DatabaseSlow");
    };
  }

  /** In a cluster: some nodes of the component's role stalled or gone, or all of them. */
  private static Judged fromNodes(Component component, List<Node> nodes) {
    int serving = 0;
    List<String> down = new ArrayList<>();
    for (Node node : nodes) {
      if (component.role().isEmpty() || !node.roles().contains(component.role())) {
        continue;
      }
      serving++;
      if (!node.state().equals("live")) {
        down.add(node.id() + " " + node.state());
      }
    }
    if (down.isEmpty()) {
      return operational(component);
    }
    ComponentState state =
        down.size() == serving ? ComponentState.MAJOR_OUTAGE : ComponentState.PARTIAL_OUTAGE;
    return judged(component, state, String.join(", ", down));
  }

  private static Judged degradedBy(Component component, Set<String> firing, String... alerts) {
    List<String> seen = new ArrayList<>();
    for (String alert : alerts) {
      if (firing.contains(alert)) {
        seen.add(alert);
      }
    }
    return seen.isEmpty()
        ? operational(component)
        : judged(component, ComponentState.DEGRADED_PERFORMANCE, String.join(", ", seen));
  }

  static ComponentState ofNode(Node node) {
    return switch (node.state()) {
      case "live" -> ComponentState.OPERATIONAL;
      case "stalled" -> ComponentState.PARTIAL_OUTAGE;
      default -> ComponentState.MAJOR_OUTAGE; // gone
    };
  }

  private static String reasonOf(Node node) {
    return node.detail().isEmpty() ? node.state() : node.state() + ": " + node.detail();
  }

  private static Judged worst(Judged a, Judged b) {
    if (b.state().ordinal() > a.state().ordinal()) {
      return b;
    }
    if (a.state() == b.state() && a.state() != ComponentState.OPERATIONAL) {
      return new Judged(a.component(), "", a.state(), a.reason() + "; " + b.reason());
    }
    return a;
  }

  private static Judged operational(Component component) {
    return judged(component, ComponentState.OPERATIONAL, "");
  }

  private static Judged judged(Component component, ComponentState state, String reason) {
    return new Judged(component, "", state, reason);
  }
}
