package dev.joule.domain.campaign;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where one charger of a campaign is. {@code pending} until its turn; {@code sent} once its command
 * is handed over; then what its notifications report: {@code downloading, downloaded, installing,
 * installed} for firmware, {@code uploading, uploaded} for diagnostics and logs. {@code failed}
 * (the command refused or a failure reported), {@code timed-out} (no final report within the
 * charger timeout) and {@code cancelled} (the campaign was cancelled before its turn) are final,
 * like {@code installed} and {@code uploaded}. A charger only moves forward: a late or repeated
 * notification never takes it back.
 */
public enum CampaignChargerState {
  PENDING("pending"),
  SENT("sent"),
  DOWNLOADING("downloading"),
  DOWNLOADED("downloaded"),
  INSTALLING("installing"),
  INSTALLED("installed"),
  UPLOADING("uploading"),
  UPLOADED("uploaded"),
  FAILED("failed"),
  TIMED_OUT("timed-out"),
  CANCELLED("cancelled");

  /** Holding one of the campaign's concurrency slots. */
  public static final Set<CampaignChargerState> IN_FLIGHT =
      EnumSet.of(SENT, DOWNLOADING, DOWNLOADED, INSTALLING, UPLOADING);

  private final String wire;

  CampaignChargerState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<CampaignChargerState> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }

  public boolean inFlight() {
    return IN_FLIGHT.contains(this);
  }

  public boolean isFinal() {
    return this == INSTALLED
        || this == UPLOADED
        || this == FAILED
        || this == TIMED_OUT
        || this == CANCELLED;
  }

  /**
   * The states a charger may come to this one from: the state machine, in one place. A charger that
   * was not connected goes from {@code sent} back to {@code pending} to be tried again.
   */
  public Set<CampaignChargerState> from() {
    return switch (this) {
      case PENDING -> EnumSet.of(SENT);
      case SENT -> EnumSet.of(PENDING);
      case DOWNLOADING, UPLOADING -> EnumSet.of(SENT);
      case DOWNLOADED -> EnumSet.of(SENT, DOWNLOADING);
      case INSTALLING -> EnumSet.of(SENT, DOWNLOADING, DOWNLOADED);
      case INSTALLED -> EnumSet.of(SENT, DOWNLOADING, DOWNLOADED, INSTALLING);
      case UPLOADED -> EnumSet.of(SENT, UPLOADING);
      case FAILED -> EnumSet.copyOf(IN_FLIGHT);
      case TIMED_OUT -> EnumSet.of(PENDING, SENT, DOWNLOADING, DOWNLOADED, INSTALLING, UPLOADING);
      case CANCELLED -> EnumSet.of(PENDING);
    };
  }

  public boolean canBecome(CampaignChargerState next) {
    return next.from().contains(this);
  }

  /** The states a charger of a {@code kind} campaign may be in, in the order it passes them. */
  public static List<CampaignChargerState> of(CampaignKind kind) {
    return kind.isFirmware()
        ? List.of(
            PENDING,
            SENT,
            DOWNLOADING,
            DOWNLOADED,
            INSTALLING,
            INSTALLED,
            FAILED,
            TIMED_OUT,
            CANCELLED)
        : List.of(PENDING, SENT, UPLOADING, UPLOADED, FAILED, TIMED_OUT, CANCELLED);
  }

  static List<String> wires(Set<CampaignChargerState> states) {
    return states.stream().map(CampaignChargerState::wire).toList();
  }
}
