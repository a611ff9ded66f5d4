package dev.joule.status;

/** A component's state, in the words (and wire strings) of hosted status pages. */
public enum ComponentState {
  OPERATIONAL("operational", "Operational", Impact.NONE),
  DEGRADED_PERFORMANCE("degraded_performance", "Degraded performance", Impact.MINOR),
  PARTIAL_OUTAGE("partial_outage", "Partial outage", Impact.MAJOR),
  MAJOR_OUTAGE("major_outage", "Major outage", Impact.CRITICAL);

  private final String wire;
  private final String title;
  private final Impact impact;

  ComponentState(String wire, String title, Impact impact) {
    this.wire = wire;
    this.title = title;
    this.impact = impact;
  }

  public String wire() {
    return wire;
  }

  public String title() {
    return title;
  }

  /** The impact of an incident whose worst component is in this state. */
  Impact impact() {
    return impact;
  }

  ComponentState worse(ComponentState other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  static ComponentState ofWire(String wire) {
    for (ComponentState state : values()) {
      if (state.wire.equals(wire)) {
        return state;
      }
    }
    throw new IllegalArgumentException("no component state '" + wire + "'");
  }
}
