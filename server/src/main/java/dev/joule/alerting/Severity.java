package dev.joule.alerting;

/** How bad an alert is: a critical one opens an incident on the status page. */
public enum Severity {
  CRITICAL("critical"),
  WARNING("warning");

  private final String wire;

  Severity(String wire) {
    this.wire = wire;
  }

  /** As the Prometheus rule file's {@code severity} label and the API write it. */
  public String wire() {
    return wire;
  }
}
