package dev.joule.ocpp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression tests for disagreements with Jackson found by {@link JsonInputDifferentialTest}. */
class JsonInputTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[\"\\x\"]",
        "[\"\\'\"]",
        "[\"\\u12\"]",
        "[\"\\uZZZZ\"]",
        "[\"\\u\"]",
        "{\"\\a\":1}",
        "[\"\\\u0001\"]"
      })
  void aSkippedStringWithABadEscapeIsNotJson(String text) {
    // Regression: escapes were only checked when a string was decoded, so a string that was only
    // skipped (an unknown field, a CALLRESULT payload) let any escape through.
    assertThatThrownBy(() -> new JsonInput(text).skipValue())
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> {
              assertThat(v.errorCode()).isEqualTo(ErrorCode.FORMATION_VIOLATION);
              assertThat(v.description()).startsWith("not valid JSON at offset 2: bad ");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\\u\u0660\u0660\u0664\u0661\"", "\"\\u\uff10\uff10\uff14\uff21\""})
  void unicodeEscapesTakeOnlyAsciiHexDigits(String text) {
    // Regression: Character.digit also reads Arabic-Indic and fullwidth digits, so "\u٠٠٤١"
    // decoded to "A".
    assertThatThrownBy(() -> new JsonInput(text).readString())
        .isInstanceOf(OcppViolation.class)
        .hasMessage("not valid JSON at offset 1: bad \\u escape");
  }

  @Test
  void textAfterTheValueIsReportedAsNotValidJson() {
    // Regression: the description was "text after the payload", without the "not valid JSON"
    // every other syntax error starts with.
    JsonInput in = new JsonInput("{} x");
    in.skipValue();

    assertThatThrownBy(() -> in.expectEnd("payload"))
        .isInstanceOf(OcppViolation.class)
        .hasMessage("not valid JSON at offset 3: text after the payload");
  }

  @Test
  void sixtyFiveLevelsAreRefusedWhenTheInnermostIsEmpty() {
    // Regression: the limit was checked on every value rather than on arrays and objects, so
    // 65 levels passed when the innermost array held nothing.
    String text = "[".repeat(65) + "]".repeat(65);

    assertThatThrownBy(() -> new JsonInput(text).skipValue())
        .isInstanceOf(OcppViolation.class)
        .hasMessage("not valid JSON at offset 64: nested deeper than 64 levels");
  }

  @Test
  void escapesStillDecodeAfterTheyAreCheckedWhileScanning() {
    assertThat(
            new JsonInput("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\u00AF\"")
                .readString())
        .isEqualTo("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00\u00af");
  }
}
