package dev.joule.ocpp;

/** OCPP 1.6 feature profiles (OCPP 1.6 §3.1) and the security whitepaper's additions. */
public enum Profile implements WireEnum {
  CORE("Core"),
  FIRMWARE_MANAGEMENT("FirmwareManagement"),
  LOCAL_AUTH_LIST_MANAGEMENT("LocalAuthListManagement"),
  RESERVATION("Reservation"),
  SMART_CHARGING("SmartCharging"),
  REMOTE_TRIGGER("RemoteTrigger"),
  SECURITY("Security");

  private final String wire;

  Profile(String wire) {
    this.wire = wire;
  }

  /** The name used in the charger's SupportedFeatureProfiles configuration key. */
  @Override
  public String wire() {
    return wire;
  }
}
