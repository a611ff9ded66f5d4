package dev.joule.ocpp;

/** An OCPP enumeration whose constants carry their exact, case-sensitive wire spelling. */
public interface WireEnum {
  /** The value as written in OCPP-J JSON, e.g. {@code "SuspendedEV"}. */
  String wire();
}
