package dev.joule.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.api.ApiException;
import dev.joule.api.CommandApi;
import dev.joule.ocpp.Action;
import io.vertx.core.MultiMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandFormTest {
  @Test
  void triggerMessageHasARequiredEnumSelectAndAnOptionalInteger() {
    var fields = CommandForm.fields(Action.TRIGGER_MESSAGE);
    assertThat(fields)
        .extracting(CommandForm.Field::name)
        .containsExactly("requestedMessage", "connectorId");
    CommandForm.Field message = fields.get(0);
    assertThat(message.required()).isTrue();
    assertThat(message.isSelect()).isTrue();
    assertThat(message.options())
        .extracting(ChargerPages.Option::value)
        .contains("BootNotification", "StatusNotification", "Heartbeat")
        .doesNotContain("");
    CommandForm.Field connector = fields.get(1);
    assertThat(connector.required()).isFalse();
    assertThat(connector.kind()).isEqualTo("integer");
  }

  @Test
  void everyCommandActionHasAForm() {
    for (Action action : CommandApi.ACTIONS) {
      assertThat(CommandForm.fields(action)).as(action.wire()).isNotNull();
    }
    assertThat(CommandForm.fields(Action.SET_CHARGING_PROFILE))
        .filteredOn(f -> f.name().equals("csChargingProfiles"))
        .singleElement()
        .satisfies(f -> assertThat(f.isJson()).isTrue());
  }

  @Test
  void filledInValuesBecomeTypedJsonAndEmptyOnesAreLeftOut() {
    MultiMap form =
        MultiMap.caseInsensitiveMultiMap()
            .addAll(Map.of("f.requestedMessage", "StatusNotification", "f.connectorId", " 2 "));
    assertThat(CommandForm.payload(Action.TRIGGER_MESSAGE, form))
        .isEqualTo("{\"requestedMessage\":\"StatusNotification\",\"connectorId\":2}");
    MultiMap empty = MultiMap.caseInsensitiveMultiMap().add("f.connectorId", "");
    assertThat(CommandForm.payload(Action.TRIGGER_MESSAGE, empty)).isEqualTo("{}");
  }

  @Test
  void theApisValidationJudgesTheForm() {
    MultiMap missing = MultiMap.caseInsensitiveMultiMap().add("f.connectorId", "1");
    assertThatThrownBy(
            () ->
                CommandApi.readRequest(
                    Action.TRIGGER_MESSAGE, CommandForm.payload(Action.TRIGGER_MESSAGE, missing)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("requestedMessage")
        .hasMessageContaining("OccurenceConstraintViolation");
    MultiMap notANumber =
        MultiMap.caseInsensitiveMultiMap()
            .addAll(Map.of("f.requestedMessage", "Heartbeat", "f.connectorId", "one"));
    assertThatThrownBy(
            () ->
                CommandApi.readRequest(
                    Action.TRIGGER_MESSAGE,
                    CommandForm.payload(Action.TRIGGER_MESSAGE, notANumber)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("connectorId")
        .hasMessageContaining("TypeConstraintViolation");
  }

  @Test
  void templatesEscapeWhatTheyShow() {
    var row =
        new ChargerPages.Row(
            "<script>x</script>",
            "/console/chargers/x",
            "/r",
            false,
            "",
            "",
            "V&V",
            "\"m\"",
            null,
            java.util.List.of());
    String html = new Templates().render("charger-rows", Map.of("rows", java.util.List.of(row)));
    assertThat(html)
        .contains("&lt;script&gt;x&lt;/script&gt;")
        .contains("V&amp;V")
        .doesNotContain("<script>");
  }
}
