package dev.joule.ocpp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Side;
import dev.joule.ocpp.message.core.AuthorizeRequest;
import dev.joule.ocpp.message.core.ChargePointErrorCode;
import dev.joule.ocpp.message.core.ChargePointStatus;
import dev.joule.ocpp.message.core.HeartbeatRequest;
import dev.joule.ocpp.message.core.HeartbeatResponse;
import dev.joule.ocpp.message.core.RemoteStopTransactionRequest;
import dev.joule.ocpp.message.core.StatusNotificationRequest;
import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import dev.joule.ocpp.message.smartcharging.ChargingSchedule;
import dev.joule.ocpp.message.smartcharging.ChargingSchedulePeriod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OcppJsonTest {
  private final OcppJson central = OcppJson.forCentralSystem();
  private final OcppJson charger = OcppJson.forChargePoint();

  private static final String STATUS =
      "[2,\"s1\",\"StatusNotification\",{\"connectorId\":%s,\"errorCode\":\"NoError\","
          + "\"status\":\"Available\"%s}]";

  @Test
  void readsACallIntoItsRecord() {
    Frame frame =
        central.read(
            STATUS.formatted("1", ",\"timestamp\":\"2026-11-24T10:00:00Z\",\"info\":\"ok\""));

    assertThat(frame)
        .isEqualTo(
            new Frame.Call(
                "s1",
                Action.STATUS_NOTIFICATION,
                new StatusNotificationRequest(
                    1,
                    ChargePointErrorCode.NO_ERROR,
                    "ok",
                    ChargePointStatus.AVAILABLE,
                    Instant.parse("2026-11-24T10:00:00Z"),
                    null,
                    null)));
  }

  @Test
  void readsUtf8BytesLikeText() {
    String text = "[2,\"ü1\",\"Authorize\",{\"idTag\":\"Zürich-04\"}]";

    assertThat(central.read(text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Frame.Call("ü1", Action.AUTHORIZE, new AuthorizeRequest("Zürich-04")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hello                                  | FormationViolation | 0 |    | not valid JSON",
        "{\"a\":1}                              | FormationViolation | 0 |    | JSON array",
        "[]                                     | FormationViolation | 0 |    | empty",
        "[\"2\",\"1\",\"Heartbeat\",{}]         | FormationViolation | 0 |    | MessageTypeId",
        "[2.5,\"1\",\"Heartbeat\",{}]           | FormationViolation | 0 |    | MessageTypeId",
        "[2]                                    | ProtocolError      | 2 |    | no UniqueId",
        "[2,1,\"Heartbeat\",{}]                 | FormationViolation | 2 |    | UniqueId must be a string",
        "[2,\"1\"]                              | ProtocolError      | 2 | 1  | no Action",
        "[2,\"1\",\"Heartbeat\"]                | ProtocolError      | 2 | 1  | no payload",
        "[2,\"1\",5,{}]                         | FormationViolation | 2 | 1  | Action must be a string",
        "[2,\"1\",\"heartbeat\",{}]             | NotImplemented     | 2 | 1  | unknown action 'heartbeat'",
        "[2,\"1\",\"Reset\",{\"type\":\"Hard\"}] | NotSupported      | 2 | 1  | Reset is not sent by a charge point",
        "[2,\"1\",\"Heartbeat\",[]]             | FormationViolation | 2 | 1  | payload must be a JSON object",
        "[2,\"1\",\"Heartbeat\",null]           | FormationViolation | 2 | 1  | payload must be a JSON object",
        "[2,\"1\",\"Heartbeat\",{},{}]          | FormationViolation | 2 | 1  | more than 4 elements",
        "[2,\"1\",\"Heartbeat\",{}] []          | FormationViolation | 2 | 1  | text after",
        "[2,\"1\",\"Heartbeat\",{\"a\":         | FormationViolation | 2 | 1  | not valid JSON",
        "[2,\"1\",\"Authorize\",{}]             | OccurenceConstraintViolation | 2 | 1 | Authorize.idTag: required",
        "[2,\"1\",\"Authorize\",{\"idTag\":null}] | OccurenceConstraintViolation | 2 | 1 | Authorize.idTag: required",
        "[2,\"1\",\"Authorize\",{\"idTag\":7}]  | TypeConstraintViolation | 2 | 1 | Authorize.idTag: must be string, got an integer",
        "[2,\"1\",\"Authorize\",{\"idTag\":\"123456789012345678901\"}] | PropertyConstraintViolation | 2 | 1 | longer than 20",
        "[2,\"1\",\"Authorize\",{\"idTag\":\"a\",\"idTag\":\"b\"}] | FormationViolation | 2 | 1 | idTag: appears twice",
        "[3,\"1\"]                              | ProtocolError      | 3 | 1  | CALLRESULT has no payload",
        "[3,\"1\",\"x\"]                        | FormationViolation | 3 | 1  | must be a JSON object",
        "[3,\"1\",{},1]                         | FormationViolation | 3 | 1  | more than 3 elements",
        // Regression: a payload that is only skipped had its escapes unchecked.
        "[3,\"1\",{\"a\":\"\\x\"}]              | FormationViolation | 3 | 1  | bad escape",
        "[4,\"1\"]                              | ProtocolError      | 4 | 1  | no ErrorCode",
        "[4,\"1\",\"GenericError\",5]           | FormationViolation | 4 | 1  | ErrorDescription",
        "[4,\"1\",\"GenericError\",\"\",[]]     | FormationViolation | 4 | 1  | ErrorDetails",
      })
  void refusesBrokenFramesWithThePreciseCode(
      String text, String code, int type, String messageId, String description) {
    Frame frame = central.read(text);

    assertThat(frame).isInstanceOf(Frame.Invalid.class);
    Frame.Invalid invalid = (Frame.Invalid) frame;
    assertThat(invalid.errorCode().wire()).isEqualTo(code);
    assertThat(invalid.messageTypeId()).isEqualTo(type);
    assertThat(invalid.messageId()).isEqualTo(Optional.ofNullable(messageId));
    assertThat(invalid.description()).contains(description);
  }

  @Test
  void anInvalidCallWithAKnownIdExpectsACallError() {
    assertThat(((Frame.Invalid) central.read("[2,\"7\",\"Nope\",{}]")).expectsCallError()).isTrue();
    assertThat(((Frame.Invalid) central.read("[3,\"7\"]")).expectsCallError()).isFalse();
    assertThat(((Frame.Invalid) central.read("nope")).expectsCallError()).isFalse();
  }

  @Test
  void messageIdOfMoreThan36CharactersIsRefusedButNamed() {
    String id = "x".repeat(37);

    Frame.Invalid invalid = (Frame.Invalid) central.read("[2,\"" + id + "\",\"Heartbeat\",{}]");

    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.FORMATION_VIOLATION);
    assertThat(invalid.messageId()).contains(id);
    assertThat(central.read("[2,\"" + "x".repeat(36) + "\",\"Heartbeat\",{}]"))
        .isInstanceOf(Frame.Call.class);
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "5", "99"})
  void unknownMessageTypesAreRecognisedSoTheyCanBeIgnored(int type) {
    assertThat(central.read("[" + type + ",\"1\",\"Whatever\",{}]"))
        .isEqualTo(new Frame.Unknown(type));
  }

  @ParameterizedTest(name = "connectorId {0} -> {1}")
  @CsvSource({
    "1.5,         TypeConstraintViolation,     must be integer",
    "'\"one\"',   TypeConstraintViolation,     must be integer, got a string",
    "true,        TypeConstraintViolation,     got a boolean",
    "3000000000,  PropertyConstraintViolation, 32-bit",
    "2147483648.0, PropertyConstraintViolation, 32-bit",
    "-2147483649, PropertyConstraintViolation, 32-bit",
    "-1,          PropertyConstraintViolation, at least 0",
  })
  void integerFieldsCheckTypeAndRange(String value, String code, String description) {
    Frame.Invalid invalid = (Frame.Invalid) central.read(STATUS.formatted(value, ""));

    assertThat(invalid.errorCode().wire()).isEqualTo(code);
    assertThat(invalid.description())
        .contains("StatusNotification.connectorId")
        .contains(description);
  }

  @ParameterizedTest
  @CsvSource({"2147483647.0, 2147483647", "-2147483648.0, -2147483648", "-2147483648, -2147483648"})
  void theWholeIntegerRangeIsAccepted(String written, int expected) {
    Frame.Call call =
        (Frame.Call)
            charger.read("[2,\"r\",\"RemoteStopTransaction\",{\"transactionId\":" + written + "}]");

    assertThat(call.payload()).isEqualTo(new RemoteStopTransactionRequest(expected));
  }

  @Test
  void aFieldGivenTwiceIsRefusedEvenWhenTheFirstIsNull() {
    // Regression: the duplicate check looked at the stored value, and null stores nothing.
    Frame.Invalid invalid =
        (Frame.Invalid) central.read("[2,\"1\",\"Authorize\",{\"idTag\":null,\"idTag\":\"B\"}]");

    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.FORMATION_VIOLATION);
    assertThat(invalid.description()).isEqualTo("Authorize.idTag: appears twice");
  }

  @Test
  void integralNumbersWrittenWithAFractionAreIntegers() {
    Frame.Call call = (Frame.Call) central.read(STATUS.formatted("2.0", ""));

    assertThat(((StatusNotificationRequest) call.payload()).connectorId()).isEqualTo(2);
  }

  @Test
  void nestedViolationsNameTheirPath() {
    String frame =
        "[2,\"m\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":"
            + "\"2026-11-24T10:00:00Z\",\"sampledValue\":[{\"value\":\"1\"},"
            + "{\"value\":\"2\",\"measurand\":\"Energy\"}]}]}]";

    Frame.Invalid invalid = (Frame.Invalid) central.read(frame);

    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    assertThat(invalid.description())
        .startsWith("MeterValues.meterValue[0].sampledValue[1].measurand: 'Energy' is not one of");
  }

  @Test
  void badDateTimeIsAPropertyViolation() {
    Frame.Invalid invalid =
        (Frame.Invalid) central.read(STATUS.formatted("1", ",\"timestamp\":\"yesterday\""));

    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    assertThat(invalid.description()).contains("timestamp: 'yesterday' is not a date-time");
  }

  @Test
  void unknownFieldsAreIgnoredFromChargersAndRejectedWhenStrict() {
    String payload = "{\"idTag\":\"A1\",\"vendorExtra\":{\"x\":[1,2]}}";
    OcppJson strict = new OcppJson(Side.CENTRAL_SYSTEM, UnknownFields.REJECT);

    assertThat(central.readRequest(Action.AUTHORIZE, payload))
        .isEqualTo(new AuthorizeRequest("A1"));
    assertThatThrownBy(() -> strict.readRequest(Action.AUTHORIZE, payload))
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> {
              assertThat(v.errorCode()).isEqualTo(ErrorCode.FORMATION_VIOLATION);
              assertThat(v.description())
                  .isEqualTo("Authorize.vendorExtra: is not a field of this message");
            });
  }

  @Test
  void nullForAnOptionalFieldMeansAbsent() {
    Frame.Call call = (Frame.Call) central.read(STATUS.formatted("1", ",\"info\":null"));

    assertThat(((StatusNotificationRequest) call.payload()).info()).isNull();
  }

  @Test
  void booleanFieldsRefuseStrings() {
    String conf = "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":\"true\"}]}";

    assertThatThrownBy(() -> central.readResponse(Action.GET_CONFIGURATION, conf))
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> {
              assertThat(v.errorCode()).isEqualTo(ErrorCode.TYPE_CONSTRAINT_VIOLATION);
              assertThat(v.description())
                  .isEqualTo(
                      "GetConfigurationResponse.configurationKey[0].readonly: must be boolean, got a string");
            });
  }

  @Test
  void chargingRatesMustBeMultiplesOfOneTenth() {
    String frame =
        "[2,\"c\",\"SetChargingProfile\",{\"connectorId\":1,\"csChargingProfiles\":{"
            + "\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\","
            + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
            + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":%s}]}}}]";

    assertThat(charger.read(frame.formatted("16.1"))).isInstanceOf(Frame.Call.class);
    assertThat(charger.read(frame.formatted("123456789.1"))).isInstanceOf(Frame.Call.class);
    // Regression: a tolerance relative to the value let every large number pass.
    assertThat(charger.read(frame.formatted("123456789.05"))).isInstanceOf(Frame.Invalid.class);
    Frame.Invalid invalid = (Frame.Invalid) charger.read(frame.formatted("16.05"));
    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    assertThat(invalid.description())
        .contains("csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit");
  }

  @Test
  void locationsMustBeUris() {
    String frame = "[2,\"d\",\"GetDiagnostics\",{\"location\":\"%s\"}]";

    assertThat(charger.read(frame.formatted("ftp://logs.example.com/up")))
        .isInstanceOf(Frame.Call.class);
    Frame.Invalid invalid = (Frame.Invalid) charger.read(frame.formatted("logs server"));
    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    assertThat(invalid.description())
        .contains("GetDiagnostics.location: 'logs server' is not a URI");
  }

  @Test
  void tooFewArrayItemsIsAnOccurrenceViolation() {
    String conf = "{\"status\":\"Accepted\",\"certificateHashData\":[]}";

    assertThatThrownBy(() -> central.readResponse(Action.GET_INSTALLED_CERTIFICATE_IDS, conf))
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> {
              assertThat(v.errorCode()).isEqualTo(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
              assertThat(v.description()).contains("certificateHashData: needs at least 1 item(s)");
            });
  }

  @Test
  void callResultKeepsItsPayloadForTheWaitingCaller() {
    String text = "[3,\"h1\",{\"currentTime\":\"2026-11-24T10:00:00.5+01:00\"}]";

    for (Frame frame :
        List.of(central.read(text), central.read(text.getBytes(StandardCharsets.UTF_8)))) {
      Frame.CallResult result = (Frame.CallResult) frame;
      assertThat(result.messageId()).isEqualTo("h1");
      assertThat(central.readResponse(Action.HEARTBEAT, result.payloadJson()))
          .isEqualTo(new HeartbeatResponse(Instant.parse("2026-11-24T09:00:00.500Z")));
    }
  }

  @Test
  void callErrorWithADetailsObjectOrWithout() {
    assertThat(central.read("[4,\"c1\",\"NotSupported\",\"no\",{\"a\":1}]"))
        .isEqualTo(new Frame.CallError("c1", ErrorCode.NOT_SUPPORTED, "no", "{\"a\":1}"));
    assertThat(central.read("[4,\"c1\",\"InternalError\",\"boom\"]"))
        .isEqualTo(new Frame.CallError("c1", ErrorCode.INTERNAL_ERROR, "boom", "{}"));
  }

  @Test
  void callErrorWithANon16CodeArrivesAsGenericError() {
    assertThat(central.read("[4,\"c1\",\"FormatViolation\",\"bad\",{}]"))
        .isEqualTo(
            new Frame.CallError("c1", ErrorCode.GENERIC_ERROR, "[FormatViolation] bad", "{}"));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyErrorCodeIsWrittenAndReadBack(ErrorCode code) {
    String text = central.writeError("e1", code, "because \"quoted\"");

    assertThat(text).isEqualTo("[4,\"e1\",\"" + code.wire() + "\",\"because \\\"quoted\\\"\",{}]");
    assertThat(charger.read(text))
        .isEqualTo(new Frame.CallError("e1", code, "because \"quoted\"", "{}"));
  }

  @Test
  void writesCallsAndResultsInTheWireForm() {
    assertThat(charger.writeCall("1", new HeartbeatRequest()))
        .isEqualTo("[2,\"1\",\"Heartbeat\",{}]");
    assertThat(
            central.writeResult("1", new HeartbeatResponse(Instant.parse("2026-11-24T10:00:00Z"))))
        .isEqualTo("[3,\"1\",{\"currentTime\":\"2026-11-24T10:00:00Z\"}]");
  }

  @Test
  void refusesToWriteAnInvalidRecord() {
    assertThatThrownBy(() -> charger.writeCall("1", new AuthorizeRequest("x".repeat(21))))
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> {
              assertThat(v.errorCode()).isEqualTo(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
              assertThat(v.description()).startsWith("AuthorizeRequest.idTag: is longer than 20");
            });
    assertThatThrownBy(() -> charger.writeCall("1", new AuthorizeRequest(null)))
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> assertThat(v.errorCode()).isEqualTo(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION));
    assertThatThrownBy(() -> charger.writeCall("x".repeat(37), new HeartbeatRequest()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesChargingRatesAsExactTenths() {
    ChargingSchedule schedule =
        new ChargingSchedule(
            null,
            null,
            ChargingRateUnitType.W,
            List.of(new ChargingSchedulePeriod(0, 0.1 * 3, null)),
            null);

    assertThat(central.writePayload(schedule))
        .isEqualTo(
            "{\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":0.3}]}");
  }
}
