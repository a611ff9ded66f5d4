package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Side;
import dev.joule.ocpp.json.OcppJson;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnswersTest {

  @Test
  void everyCommandACentralSystemMaySendHasAnAnswer() {
    Arrays.stream(Action.values())
        .filter(a -> a.direction().initiatedBy(Side.CENTRAL_SYSTEM))
        .forEach(
            a ->
                assertThat(Answers.toCommand(a))
                    .as("answer to %s", a.wire())
                    .get()
                    .isInstanceOf(a.responseType()));
    assertThat(Answers.toCommand(Action.BOOT_NOTIFICATION)).isEmpty();
  }

  @Test
  void everyChargerCallHasAConstantResultTheSimulatorAccepts() {
    OcppJson charger = OcppJson.forChargePoint();
    Arrays.stream(Action.values())
        .filter(a -> a.direction().initiatedBy(Side.CHARGE_POINT))
        .forEach(
            a ->
                assertThat(charger.readResponse(a, Answers.toChargerCall(a).orElseThrow()))
                    .as("result of %s", a.wire())
                    .isInstanceOf(a.responseType()));
    assertThat(Answers.toChargerCall(Action.RESET)).isEmpty();
  }
}
