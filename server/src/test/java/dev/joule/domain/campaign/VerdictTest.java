package dev.joule.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void aRefusalOrACallErrorFailsTheCharger() {
    assertThat(Verdict.of(CommandStatus.REJECTED, Optional.empty())).isEqualTo(Verdict.FAIL);
    assertThat(Verdict.of(CommandStatus.ERROR, Optional.of("NotSupported")))
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void aChargerNotConnectedAtItsTurnIsTriedAgain() {
    assertThat(Verdict.of(CommandStatus.OFFLINE, Optional.of("NotConnected")))
        .isEqualTo(Verdict.RETRY);
  }

  @Test
  void aCommandTheChargerMayHaveActedOnKeepsItWaitingForItsNotifications() {
    assertThat(Verdict.of(CommandStatus.ACCEPTED, Optional.empty())).isEqualTo(Verdict.KEEP);
    assertThat(Verdict.of(CommandStatus.TIMEOUT, Optional.of("Timeout"))).isEqualTo(Verdict.KEEP);
    assertThat(Verdict.of(CommandStatus.OFFLINE, Optional.of("Disconnected")))
        .isEqualTo(Verdict.KEEP);
    assertThat(Verdict.of(CommandStatus.ERROR, Optional.of(Commands.RESTARTED)))
        .isEqualTo(Verdict.KEEP);
    assertThat(Verdict.of(CommandStatus.SENT, Optional.empty())).isEqualTo(Verdict.KEEP);
  }
}
