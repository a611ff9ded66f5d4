package dev.joule.domain.localauth;

/** Where bringing a charger's local list to the wanted one stands. */
public enum LocalListState {
  /** SendLocalList (or GetLocalListVersion first) under way. */
  SENDING("sending"),
  /** The charger holds the wanted list, at the version Joule recorded. */
  IN_SYNC("in-sync"),
  /** The charger is offline or did not answer; sent again when it connects. */
  WAITING("waiting"),
  /** Failed or VersionMismatch answers kept coming after full resends. */
  FAILED("failed"),
  /** The charger answered NotSupported, or reports list version -1 (OCPP 1.6 §5.10). */
  NOT_SUPPORTED("notsupported");

  private final String wire;

  LocalListState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
