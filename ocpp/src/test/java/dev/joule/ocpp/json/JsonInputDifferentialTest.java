package dev.joule.ocpp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.message.core.DataTransferRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: {@link JsonInput} must accept exactly the JSON texts Jackson accepts and
 * decode strings to the same values. Texts are generated at random, half of them then mutated
 * (character deleted, inserted, replaced, text truncated or extended with known troublemakers).
 *
 * <p>Each property runs {@link #CASES} cases, each with its own seed, printed with the text when it
 * disagrees: {@code new Random(seed)} fed to the same generator reproduces it. Jackson's default
 * nesting limit (1000) is far above JsonInput's (64), so generated texts stay below 64 levels; the
 * limit has its own test.
 */
class JsonInputDifferentialTest {
  private static final ObjectMapper JACKSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final int CASES = 4_000;

  /** Nesting of the random values; deep wrappers add up to {@link #MAX_WRAPPING} more. */
  private static final int MAX_DEPTH = 8;

  private static final int MAX_WRAPPING = 54;

  /** Inserted, appended or substituted by the mutations: each is a known way to break a reader. */
  private static final String[] TROUBLE = {
    "012",
    "-01",
    "00",
    "1.",
    ".5",
    "+1",
    "-",
    "--1",
    "1e",
    "1e+",
    "1E-",
    "0x1",
    "1.e3",
    "1.5.2",
    "NaN",
    "Infinity",
    "-Infinity",
    "\u0000",
    "\u0001",
    "\u001f",
    "\n",
    "\t",
    "\\",
    "\\u12",
    "\\uZZZZ",
    "\\u00G0",
    "\\u\uff10\uff10\uff14\uff11",
    "\\u\u0660\u0660\u0664\u0661",
    "\\x",
    "\\'",
    "\\U0041",
    "\\\u0001",
    "'a'",
    "'",
    ",",
    ",]",
    ",}",
    "]",
    "}",
    "[",
    "{",
    ":",
    "::",
    "\"",
    "tru",
    "True",
    "nul",
    "nulll",
    "falsey",
    "\ufeff",
    "\u00a0",
    "\u000b",
    "\u000c",
    "\u2028",
    "/*c*/",
    "//",
    "#",
    " ",
    "0",
    "e",
    "E",
    "+",
    ".",
    "1 2",
    "\"a\" \"b\"",
    "\ud800",
    "\udc00",
  };

  /** Pieces of near-JSON: random sequences of them probe the grammar where valid meets invalid. */
  private static final String[] TOKENS = {
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"a\"",
    "\"",
    "\\",
    "0",
    "1",
    "9",
    "-",
    "+",
    ".",
    "e",
    "E",
    "true",
    "false",
    "null",
    " ",
    "\n",
    "\"\\u00e9\"",
    "\"\\n\"",
    "\"\\x\"",
    "t",
    "n",
  };

  /** Pieces of near-string content, for string literals that are often, but not always, valid. */
  private static final String[] STRING_PIECES = {
    "a",
    "Z",
    " ",
    "\u00e9",
    "\u4e2d",
    "\ud83d\ude00",
    "\u007f",
    "\\",
    "\\\\",
    "\\\"",
    "\\/",
    "\\b",
    "\\f",
    "\\n",
    "\\r",
    "\\t",
    "\\u",
    "\\u00",
    "\\u00e9",
    "\\uD83D",
    "\\uDE00",
    "\\uABCD",
    "\\uabcd",
    "0",
    "F",
    "f",
    "g",
    "\uff10",
    "\u0660",
    "\\x",
    "\\0",
    "\\a",
    "\\'",
    "\\ ",
    "\u0001",
    "\t",
    "\u001f",
    "\"",
  };

  private static final String[] WHITESPACE = {"", "", "", " ", "\n", "\r\n", "\t", " \t\n\r "};

  private final OcppJson central = OcppJson.forCentralSystem();

  @Test
  void acceptsExactlyWhatJacksonAcceptsOnRandomAndMutatedDocuments() {
    Tally tally = new Tally();
    for (long seed = 1; seed <= CASES; seed++) {
      Random random = new Random(seed);
      String text = new Generator(random).document();
      if (random.nextBoolean()) {
        text = mutate(random, text);
      }
      compareSyntax(seed, text, tally);
    }

    tally.assertAgreedOnBothSides();
  }

  @Test
  void acceptsExactlyWhatJacksonAcceptsOnShortTokenSequences() {
    Tally tally = new Tally();
    for (long seed = 100_001; seed <= 100_000 + CASES; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      for (int n = 1 + random.nextInt(8); n > 0; n--) {
        text.append(pick(random, TOKENS));
      }
      compareSyntax(seed, text.toString(), tally);
    }

    tally.assertAgreedOnBothSides();
  }

  @Test
  void acceptsAndDecodesExactlyTheStringLiteralsJacksonDoes() {
    Tally tally = new Tally();
    for (long seed = 200_001; seed <= 200_000 + CASES; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder("\"");
      for (int n = random.nextInt(6); n > 0; n--) {
        text.append(pick(random, STRING_PIECES));
      }
      if (random.nextInt(8) != 0) {
        text.append('"');
      }
      compareSyntax(seed, text.toString(), tally);
      compareString(seed, text.toString(), tally);
    }

    tally.assertAgreedOnBothSides();
  }

  @Test
  void decodesRandomStringsToJacksonsValue() {
    Tally tally = new Tally();
    for (long seed = 300_001; seed <= 300_000 + CASES; seed++) {
      String json = new Generator(new Random(seed)).string();
      compareString(seed, json, tally);
    }

    tally.assertAgreedOnValidOnly();
  }

  @Test
  void decodesWhatJacksonWritesBackToTheOriginalString() {
    List<String> disagreements = new ArrayList<>();
    for (long seed = 400_001; seed <= 400_000 + CASES; seed++) {
      Random random = new Random(seed);
      // Any UTF-16 units, control characters and lone surrogates included.
      StringBuilder original = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        original.append(
            (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
      }
      String json = jacksonWrite(original.toString());
      String decoded;
      try {
        decoded = new JsonInput(json).readString();
      } catch (RuntimeException e) {
        decoded = e.toString();
      }
      if (!decoded.equals(original.toString())) {
        disagreements.add(
            "seed %d: %s read as %s".formatted(seed, visible(json), visible(decoded)));
      }
    }

    assertThat(disagreements).as(summary(disagreements)).isEmpty();
  }

  @Test
  void readsDataTransferCallsWithRandomDataLikeJackson() {
    Tally tally = new Tally();
    for (long seed = 500_001; seed <= 500_000 + CASES; seed++) {
      Random random = new Random(seed);
      String data = new Generator(random).string();
      if (random.nextBoolean()) {
        data = mutate(random, data);
      }
      String text = "[2,\"id\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":" + data + "}]";
      Frame frame = central.read(text);
      Optional<JsonNode> tree = jacksonTree(text);
      tally.count(tree.isPresent());
      if (tree.isEmpty()) {
        tally.check(
            seed, text, isFormationViolation(frame), "Jackson rejects, codec read " + frame);
        continue;
      }
      JsonNode node = tree.get().path(3).path("data");
      Frame expected =
          node.isTextual() || node.isNull() || node.isMissingNode()
              ? new Frame.Call(
                  "id", Action.DATA_TRANSFER, new DataTransferRequest("v", null, node.textValue()))
              : null;
      if (expected != null) {
        tally.check(seed, text, frame.equals(expected), "expected " + expected + ", read " + frame);
      } else {
        // Valid JSON, but data is not a string: the schema's error, not a syntax error.
        tally.check(
            seed,
            text,
            frame instanceof Frame.Invalid invalid
                && invalid.errorCode() == ErrorCode.TYPE_CONSTRAINT_VIOLATION,
            "expected TypeConstraintViolation for data " + node + ", read " + frame);
      }
    }

    tally.assertAgreedOnBothSides();
  }

  @Test
  void readsCallResultsWithRandomPayloadsLikeJackson() {
    Tally tally = new Tally();
    for (long seed = 600_001; seed <= 600_000 + CASES; seed++) {
      Random random = new Random(seed);
      String payload = new Generator(random).object(0);
      if (random.nextBoolean()) {
        payload = mutate(random, payload);
      }
      String text = "[3,\"id\"," + payload + "]";
      Frame frame = central.read(text);
      Optional<JsonNode> tree = jacksonTree(text);
      tally.count(tree.isPresent());
      if (tree.isEmpty()) {
        tally.check(
            seed, text, isFormationViolation(frame), "Jackson rejects, codec read " + frame);
      } else if (tree.get().size() == 3 && tree.get().get(2).isObject()) {
        tally.check(
            seed,
            text,
            frame instanceof Frame.CallResult result
                && result.messageId().equals("id")
                && jacksonTree(result.payloadJson()).equals(Optional.of(tree.get().get(2))),
            "expected a CALLRESULT with payload " + tree.get().get(2) + ", read " + frame);
      } else {
        // The mutation left valid JSON of another shape: an OCPP error, not a syntax error.
        tally.check(
            seed,
            text,
            frame instanceof Frame.Invalid invalid
                && !isSyntaxError(invalid.errorCode(), invalid.description()),
            "expected a frame-shape error, read " + frame);
      }
    }

    tally.assertAgreedOnBothSides();
  }

  @Test
  void aSyntaxErrorAfterAWronglyTypedFieldIsAFormationViolation() {
    // Found by readsDataTransferCallsWithRandomDataLikeJackson (seed 500859): this frame is not
    // JSON, but the reader stops at data, which is not a string, and never reaches the error.
    Frame frame = central.read("[2,\"id\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":012\"}]");

    assertThat(frame)
        .isInstanceOfSatisfying(
            Frame.Invalid.class,
            invalid -> {
              assertThat(invalid.errorCode()).isEqualTo(ErrorCode.FORMATION_VIOLATION);
              assertThat(invalid.description()).startsWith("not valid JSON");
            });
  }

  @Test
  void refusesNestingDeeperThan64Levels() {
    for (String[] container : new String[][] {{"[", "]"}, {"{\"a\":", "}"}}) {
      for (boolean emptyInnermost : new boolean[] {true, false}) {
        String allowed = nested(64, container, emptyInnermost);
        String refused = nested(65, container, emptyInnermost);

        assertThat(jacksonTree(refused)).as(refused).isPresent(); // our limit, not a JSON rule
        JsonInput in = new JsonInput(allowed);
        in.skipValue();
        in.expectEnd("value");
        assertThatThrownBy(() -> new JsonInput(refused).skipValue())
            .as(refused)
            .isInstanceOfSatisfying(
                OcppViolation.class,
                v -> {
                  assertThat(v.errorCode()).isEqualTo(ErrorCode.FORMATION_VIOLATION);
                  assertThat(v.description())
                      .isEqualTo(
                          "not valid JSON at offset %d: nested deeper than 64 levels"
                              .formatted(64 * container[0].length()));
                });
      }
    }
  }

  /** {@code levels} arrays or objects, one in the other, the innermost empty or holding 1. */
  private static String nested(int levels, String[] container, boolean emptyInnermost) {
    String open = container[0];
    String close = container[1];
    return emptyInnermost
        ? open.repeat(levels - 1) + open.charAt(0) + close + close.repeat(levels - 1)
        : open.repeat(levels) + "1" + close.repeat(levels);
  }

  @Test
  void jacksonRejectsEmptyTextAndTrailingTokensLikeJsonInput() {
    // Guards the oracle: readTree returns a MissingNode for empty text and, without
    // FAIL_ON_TRAILING_TOKENS, ignores what follows the first value.
    assertThat(jacksonTree("")).isEmpty();
    assertThat(jacksonTree(" \n")).isEmpty();
    assertThat(jacksonTree("[1] 2")).isEmpty();
    assertThat(jacksonTree("[1] ")).isPresent();
  }

  private static void compareSyntax(long seed, String text, Tally tally) {
    boolean jackson = jacksonTree(text).isPresent();
    tally.count(jackson);
    Optional<OcppViolation> refusal;
    try {
      JsonInput in = new JsonInput(text);
      in.skipValue();
      in.expectEnd("value");
      refusal = Optional.empty();
    } catch (OcppViolation v) {
      refusal = Optional.of(v);
    } catch (RuntimeException e) {
      tally.check(seed, text, false, "JsonInput threw " + e);
      return;
    }
    if (jackson) {
      tally.check(
          seed,
          text,
          refusal.isEmpty(),
          "Jackson accepts, JsonInput refuses: " + refusal.map(OcppViolation::description));
    } else if (refusal.isEmpty()) {
      tally.check(seed, text, false, "JsonInput accepts, Jackson: " + jacksonError(text));
    } else {
      OcppViolation v = refusal.get();
      tally.check(
          seed,
          text,
          isSyntaxError(v.errorCode(), v.description()),
          "refused with the wrong error: " + v.errorCode() + " " + v.description());
    }
  }

  private static void compareString(long seed, String json, Tally tally) {
    Optional<String> jackson = jacksonString(json);
    tally.count(jackson.isPresent());
    Optional<String> ours;
    try {
      JsonInput in = new JsonInput(json);
      String value = in.readString();
      in.expectEnd("string");
      ours = Optional.of(value);
    } catch (OcppViolation v) {
      ours = Optional.empty();
    } catch (RuntimeException e) {
      tally.check(seed, json, false, "JsonInput threw " + e);
      return;
    }
    tally.check(
        seed,
        json,
        ours.equals(jackson),
        "Jackson decodes to %s, JsonInput to %s"
            .formatted(
                jackson.map(JsonInputDifferentialTest::visible),
                ours.map(JsonInputDifferentialTest::visible)));
  }

  /**
   * A frame that is not JSON is a FormationViolation; its description may name what the reader
   * found wrong with the frame's shape before it reached the syntax error.
   */
  private static boolean isFormationViolation(Frame frame) {
    return frame instanceof Frame.Invalid invalid
        && invalid.errorCode() == ErrorCode.FORMATION_VIOLATION;
  }

  private static boolean isSyntaxError(ErrorCode code, String description) {
    return code == ErrorCode.FORMATION_VIOLATION && description.startsWith("not valid JSON");
  }

  /** The tree Jackson reads, or empty when Jackson finds the text is not JSON. */
  private static Optional<JsonNode> jacksonTree(String text) {
    try {
      // readValue, not readTree: readTree reads empty text as a MissingNode.
      return Optional.of(JACKSON.readValue(text, JsonNode.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String jacksonError(String text) {
    try {
      JACKSON.readValue(text, JsonNode.class);
      return "accepts";
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
  }

  private static Optional<String> jacksonString(String json) {
    return jacksonTree(json).filter(JsonNode::isTextual).map(JsonNode::textValue);
  }

  private static String jacksonWrite(String value) {
    try {
      return JACKSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** One to three mutations at random places. */
  private static String mutate(Random random, String text) {
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int at = random.nextInt(text.length() + 1);
      String trouble = pick(random, TROUBLE);
      int next = Math.min(at + 1, text.length());
      text =
          switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at) + text.substring(next);
            case 1 -> text.substring(0, at) + trouble + text.substring(at);
            case 2 -> text.substring(0, at) + trouble + text.substring(next);
            case 3 -> text.substring(0, at);
            case 4 -> text + trouble;
            default -> trouble + text;
          };
    }
    return text;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** The text with everything outside printable ASCII written as a Java escape. */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder("«");
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append("\\u%04x".formatted((int) c));
      }
    }
    return out.append('»').toString();
  }

  private static String summary(List<String> disagreements) {
    return disagreements.size() + " disagreement(s)";
  }

  /** Counts the cases on each side and collects the disagreements. */
  private static final class Tally {
    private final List<String> disagreements = new ArrayList<>();
    private int valid;
    private int invalid;

    void count(boolean jacksonAccepts) {
      if (jacksonAccepts) {
        valid++;
      } else {
        invalid++;
      }
    }

    void check(long seed, String text, boolean agrees, String what) {
      if (!agrees && disagreements.size() < 40) {
        disagreements.add("seed " + seed + ": " + visible(text) + " -> " + what);
      }
    }

    /** No disagreement, and both valid and invalid texts made up a real share of the cases. */
    void assertAgreedOnBothSides() {
      assertThat(disagreements).as(summary(disagreements)).isEmpty();
      assertThat(valid).as("cases Jackson accepts").isGreaterThan((valid + invalid) / 20);
      assertThat(invalid).as("cases Jackson rejects").isGreaterThan((valid + invalid) / 20);
    }

    void assertAgreedOnValidOnly() {
      assertThat(disagreements).as(summary(disagreements)).isEmpty();
      assertThat(invalid).as("generated strings Jackson rejects").isZero();
    }
  }

  /** Random valid JSON covering the whole grammar of RFC 8259. */
  private static final class Generator {
    private static final String[] SIMPLE_ESCAPES = {
      "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"
    };
    private static final String[] RAW = {"\u00e9", "\u4e2d", "\u20ac", "\ud83d\ude00", "\u007f"};

    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    String document() {
      // Now and then a deep wrapper, to reach the nesting limit's neighbourhood.
      int wrapping = random.nextInt(10) == 0 ? random.nextInt(MAX_WRAPPING + 1) : 0;
      StringBuilder open = new StringBuilder();
      StringBuilder close = new StringBuilder();
      for (int i = 0; i < wrapping; i++) {
        if (random.nextBoolean()) {
          open.append('[').append(ws());
          close.insert(0, ws() + "]");
        } else {
          open.append('{').append(ws()).append(string()).append(ws()).append(':').append(ws());
          close.insert(0, ws() + "}");
        }
      }
      return ws() + open + value(0) + close + ws();
    }

    String value(int depth) {
      return switch (random.nextInt(depth >= MAX_DEPTH ? 3 : 5)) {
        case 0 -> string();
        case 1 -> number();
        case 2 -> pick(random, new String[] {"true", "false", "null"});
        case 3 -> array(depth);
        default -> object(depth);
      };
    }

    String array(int depth) {
      int n = random.nextInt(4);
      if (n == 0) {
        return "[" + ws() + "]";
      }
      StringJoiner items = new StringJoiner(",", "[", "]");
      for (; n > 0; n--) {
        items.add(ws() + value(depth + 1) + ws());
      }
      return items.toString();
    }

    String object(int depth) {
      int n = random.nextInt(4);
      if (n == 0) {
        return "{" + ws() + "}";
      }
      StringJoiner members = new StringJoiner(",", "{", "}");
      for (; n > 0; n--) {
        members.add(ws() + string() + ws() + ":" + ws() + value(depth + 1) + ws());
      }
      return members.toString();
    }

    String string() {
      StringBuilder out = new StringBuilder("\"");
      for (int n = random.nextInt(8); n > 0; n--) {
        switch (random.nextInt(9)) {
          case 0, 1, 2, 3 -> {
            char c;
            do {
              c = (char) (0x20 + random.nextInt(0x5f));
            } while (c == '"' || c == '\\');
            out.append(c);
          }
          case 4 -> out.append(pick(random, SIMPLE_ESCAPES));
          case 5 -> out.append(unicodeEscape(random.nextInt(0x10000)));
          case 6 -> {
            int codePoint = 0x10000 + random.nextInt(0x100000);
            out.append(unicodeEscape(Character.highSurrogate(codePoint)))
                .append(unicodeEscape(Character.lowSurrogate(codePoint)));
          }
          case 7 -> out.append(pick(random, RAW));
          default -> {
            char c = (char) (0xa0 + random.nextInt(0xd800 - 0xa0));
            out.append(c);
          }
        }
      }
      return out.append('"').toString();
    }

    private String unicodeEscape(int code) {
      String hex = "%04x".formatted(code);
      return "\\u" + (random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
    }

    String number() {
      StringBuilder out = new StringBuilder();
      if (random.nextBoolean()) {
        out.append('-');
      }
      if (random.nextInt(4) == 0) {
        out.append('0');
      } else {
        out.append(1 + random.nextInt(9));
        for (int n = random.nextInt(6); n > 0; n--) {
          out.append(random.nextInt(10));
        }
      }
      if (random.nextInt(3) == 0) {
        out.append('.');
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          out.append(random.nextInt(10));
        }
      }
      if (random.nextInt(3) == 0) {
        out.append(random.nextBoolean() ? 'e' : 'E');
        out.append(pick(random, new String[] {"", "+", "-"}));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          out.append(random.nextInt(10));
        }
      }
      return out.toString();
    }

    private String ws() {
      return pick(random, WHITESPACE);
    }
  }
}
