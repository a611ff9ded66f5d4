package dev.joule.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.domain.command.Delivery;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.ocpp.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What crosses between nodes arrives as it was sent. */
class WireTest {
  private static final Instant AT = Instant.parse("2026-12-03T09:00:00.123Z");

  @Test
  void everyKindOfEventArrivesAsItWasPublishedWithItsOrigin() {
    List<ChargerEvent> events =
        List.of(
            new ChargerEvent.Connected("CP-1", AT, 17),
            new ChargerEvent.Disconnected("CP-1", AT, 17, true),
            new ChargerEvent.ConnectorStatusChanged(
                "CP-1", AT, 2, "Charging", "NoError", Optional.of(AT.minusSeconds(1))),
            new ChargerEvent.ConnectorStatusChanged(
                "CP-1", AT, 0, "Faulted", "GroundFailure", Optional.empty()),
            new ChargerEvent.TransactionStarted(
                "CP-1", AT, 5, 1, "TAG-1", 100, AT, Optional.of(42L)),
            new ChargerEvent.TransactionStarted("CP-1", AT, 6, 1, "TAG-1", 0, AT, Optional.empty()),
            new ChargerEvent.TransactionStopped("CP-1", AT, 5, 900, AT, Optional.of("Local")),
            new ChargerEvent.TransactionStopped("CP-1", AT, 6, 900, AT, Optional.empty()),
            new ChargerEvent.CommandStatusChanged(
                "CP-1", AT, 9, "Reset", "error", Optional.of("NotSupported")),
            new ChargerEvent.CommandStatusChanged("CP-1", AT, 9, "Reset", "sent", Optional.empty()),
            new ChargerEvent.SecurityEventReceived(
                "CP-1", AT, "TamperDetectionActivated", true, AT, Optional.of("lid")),
            new ChargerEvent.SecurityEventReceived(
                "CP-1", AT, "AcmeDoorbell", false, AT, Optional.empty()),
            new ChargerEvent.CampaignChargerChanged(
                "CP-1", AT, 7, "firmware", "downloading", "Downloading"));
    for (ChargerEvent event : events) {
      EventWire.Received received = EventWire.read(EventWire.write("p2", event));
      assertThat(received.origin()).isEqualTo("p2");
      assertThat(received.event()).isEqualTo(event);
    }
  }

  @Test
  void anEventOfAnUnknownTypeOrWithoutItsFieldsIsRefused() {
    assertThatThrownBy(
            () ->
                EventWire.read(
                    "{\"type\":\"charger.exploded\",\"origin\":\"p\",\"chargerId\":\"c\",\"at\":\"2026-12-03T09:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown event type");
    assertThatThrownBy(
            () ->
                EventWire.read(
                    "{\"type\":\"charger.connected\",\"origin\":\"p\",\"at\":\"2026-12-03T09:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("chargerId");
  }

  @Test
  void everyDeliveryComesBackAsItWasReported() {
    List<Delivery> deliveries =
        List.of(
            new Delivery.Answered("{\"status\":\"Accepted\"}"),
            new Delivery.Failed(ErrorCode.NOT_SUPPORTED, "no"),
            new Delivery.TimedOut("no answer within 30 s"),
            new Delivery.Offline(true, "closed"),
            new Delivery.Offline(false, "not connected"));
    for (Delivery delivery : deliveries) {
      assertThat(CommandWire.readDelivery(CommandWire.write(delivery))).isEqualTo(delivery);
    }
  }

  @Test
  void aRoutedCommandKeepsItsConnectionEpoch() {
    CommandWire.Routed routed = new CommandWire.Routed("CP-1", 123456789L, "Reset", "{}");
    assertThat(CommandWire.readRouted(CommandWire.write(routed))).isEqualTo(routed);
  }

  @Test
  void chargerIdsThatAreNoKvKeyAreEncodedApartFromPlainOnes() {
    assertThat(ChargerRegistry.key("CP-1_a")).isEqualTo("CP-1_a");
    String dotted = ChargerRegistry.key("site.7/CP 1");
    assertThat(dotted).startsWith("=").matches("=[-_A-Za-z0-9]+");
    assertThat(ChargerRegistry.key("site.7/CP 2")).isNotEqualTo(dotted);
  }
}
