package dev.joule.ocpp.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-11-24T10:15:30Z,            2026-11-24T10:15:30Z",
    "2026-11-24T10:15:30.123Z,        2026-11-24T10:15:30.123Z",
    "2026-11-24T10:15:30.1Z,          2026-11-24T10:15:30.100Z",
    "2026-11-24T10:15:30.123456789Z,  2026-11-24T10:15:30.123456789Z",
    "2026-11-24T10:15:30.1234567891Z, 2026-11-24T10:15:30.123456789Z",
    "2026-11-24T10:15:30,            2026-11-24T10:15:30Z",
    "2026-11-24T10:15:30.5,          2026-11-24T10:15:30.500Z",
    "2026-11-24T12:15:30+02:00,       2026-11-24T10:15:30Z",
    "2026-11-24T12:15:30+0200,        2026-11-24T10:15:30Z",
    "2026-11-24T12:15:30+02,          2026-11-24T10:15:30Z",
    "2026-11-24T05:45:30-04:30,       2026-11-24T10:15:30Z",
    "2026-11-24t10:15:30z,            2026-11-24T10:15:30Z",
    "2026-11-24 10:15:30Z,            2026-11-24T10:15:30Z",
    "2026-11-24T10:15Z,               2026-11-24T10:15:00Z",
    "1970-01-01T00:00:00Z,            1970-01-01T00:00:00Z",
    "2024-02-29T23:59:59.999Z,        2024-02-29T23:59:59.999Z",
    "2026-01-01T01:00:00+02:00,       2025-12-31T23:00:00Z",
    "2026-11-24T10:15:30-18:00,       2026-11-25T04:15:30Z"
  })
  void parsesWhatChargersSendAndWritesUtc(String text, String expected) {
    Instant parsed = DateTimes.parse(text).orElseThrow();

    assertThat(parsed).isEqualTo(Instant.parse(expected));
    assertThat(DateTimes.format(parsed)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "2026-11-24",
        "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-11-24T24:00:00Z",
        "2026-11-24T10:60:00Z",
        "2026-11-24T10:15:61Z",
        "2026-11-24T10:15:30.Z",
        "2026-11-24T10:15:30ZZ",
        "2026-11-24T10:15:30+25:00",
        "2026-11-24T10:15:30+18:59",
        "2026-11-24T10:15:30+02:",
        "2026-11-24T10:15:30+02:3",
        "2026-11-24T10:15:30 UTC",
        "24/11/2026 10:15:30",
        "1732443330"
      })
  void rejectsWhatIsNotADateTime(String text) {
    assertThat(DateTimes.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-11-24T10:15:30Z",
    "2026-11-24T10:15:30.120Z",
    "2026-11-24T10:15:30.000120Z",
    "2026-11-24T10:15:30.000000120Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999Z"
  })
  void formatIsTheShortestExactIsoForm(String iso) {
    assertThat(DateTimes.format(Instant.parse(iso))).isEqualTo(iso);
  }
}
