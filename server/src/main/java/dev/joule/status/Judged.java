package dev.joule.status;

/**
 * A component's state, or one node's under it, and why.
 *
 * @param instance empty for the component itself, else the node id
 */
record Judged(Component component, String instance, ComponentState state, String reason) {
  /** The key one change is tracked by. */
  String key() {
    return component.id() + "/" + instance;
  }
}
