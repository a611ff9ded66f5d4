package dev.joule.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.message.core.ChangeConfigurationResponse;
import dev.joule.ocpp.message.core.ConfigurationStatus;
import dev.joule.ocpp.message.core.GetConfigurationResponse;
import dev.joule.ocpp.message.core.HeartbeatResponse;
import dev.joule.ocpp.message.core.UnlockConnectorResponse;
import dev.joule.ocpp.message.core.UnlockStatus;
import dev.joule.ocpp.message.localauth.SendLocalListResponse;
import dev.joule.ocpp.message.localauth.UpdateStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  @Test
  void rebootRequiredCountsAsAcceptedForChangeConfiguration() {
    assertThat(
            Outcomes.of(
                Action.CHANGE_CONFIGURATION,
                new ChangeConfigurationResponse(ConfigurationStatus.REBOOT_REQUIRED)))
        .isEqualTo(CommandStatus.ACCEPTED);
    assertThat(
            Outcomes.of(
                Action.CHANGE_CONFIGURATION,
                new ChangeConfigurationResponse(ConfigurationStatus.NOT_SUPPORTED)))
        .isEqualTo(CommandStatus.REJECTED);
  }

  @Test
  void unlockFailedAndVersionMismatchAreRejections() {
    assertThat(
            Outcomes.of(
                Action.UNLOCK_CONNECTOR, new UnlockConnectorResponse(UnlockStatus.UNLOCK_FAILED)))
        .isEqualTo(CommandStatus.REJECTED);
    assertThat(
            Outcomes.of(
                Action.SEND_LOCAL_LIST, new SendLocalListResponse(UpdateStatus.VERSION_MISMATCH)))
        .isEqualTo(CommandStatus.REJECTED);
  }

  @Test
  void answersWithoutStatusAreAccepted() {
    assertThat(Outcomes.of(Action.GET_CONFIGURATION, new GetConfigurationResponse(null, null)))
        .isEqualTo(CommandStatus.ACCEPTED);
  }

  @Test
  void chargerInitiatedActionsAreNotCommands() {
    assertThatThrownBy(() -> Outcomes.of(Action.HEARTBEAT, new HeartbeatResponse(Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
