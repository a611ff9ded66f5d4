package dev.joule.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Direction;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.schema.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The fuzz test's frames, generated from a seed so a run can be repeated: the golden frames of
 * ocpp/src/test/resources/ocpp16 as they are (valid, or invalid with the CALLERROR code they name),
 * mutated (wrong types, missing fields, truncated, characters flipped), odd Unicode, unknown
 * actions, answers to calls never made, unknown message types and garbage. Each frame carries what
 * the central system must answer: where the spec (OCPP-J 1.6 §4, decision 0002) fixes the answer,
 * that answer; where a mutation's effect depends on where it landed, what Joule's own codec reads
 * from the frame (so the gateway is checked to answer exactly as its codec decided, once).
 */
final class FuzzFrames {
  static final Path GOLDEN = Path.of("..", "ocpp", "src", "test", "resources", "ocpp16");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OcppJson CODEC = OcppJson.forCentralSystem();

  /** Pieces of odd Unicode: astral, combining, bidi overrides, zero-width, BOM, CJK, NBSP. */
  private static final String[] ODD =
      new String[] {
        "\uD83D\uDE00",
        "e\u0301",
        "\u202Eevil",
        "\u200B",
        "\uFEFF",
        "\u6F22\u5B57",
        "\u00A0",
        "\uFFFD",
        "\uD834\uDD1E",
        "\u0627\u0644",
        "Z\u0351\u0362",
        "\\u0000",
        "\\ud83d\\ude00",
        "\\u202e",
        "\\\"",
        "\\\\",
        "\u00DF\u00F1"
      };

  /** Characters a mutation puts in: JSON's own, digits, letters of literals, and odd ones. */
  private static final String EDITS = "[]{}\",:0123456789-.eE tnfaxu\\\u00e9\uD83D";

  /** Templates the codec must survive; ID is replaced by the frame's id. */
  private static final String[] GARBAGE =
      new String[] {
        "",
        " ",
        "null",
        "[]",
        "{}",
        "[2]",
        "[2,\"ID\"]",
        "[2,\"ID\",\"Heartbeat\"]",
        "[2,12345,\"Heartbeat\",{}]",
        "[2,\"ID\",\"Heartbeat\",{},{}]",
        "[2,\"ID\",\"Heartbeat\",[]]",
        "[2,\"ID\",42,{}]",
        "[\"2\",\"ID\",\"Heartbeat\",{}]",
        "[2,\"ID-0123456789012345678901234567890123\",\"Heartbeat\",{}]",
        "[2,\"ID\",\"Heartbeat\",{}] trailing",
        "[2,\"ID\",\"Heartbeat\",{\"a\":1,\"a\":2}]",
        "[2,\"ID\",\"Heartbeat\",{\"x\":\"a\u0000b\"}]",
        "[2,\"ID\",\"DataTransfer\",{\"vendorId\":\"v\u0001\"}]",
        "1e999999",
        "[2.5,\"ID\",\"Heartbeat\",{}]",
        "[2,\"ID\",\"Heartbeat\",{}",
        "\uFEFF[2,\"ID\",\"Heartbeat\",{}]",
        "[2,\"ID\",\"Heartbeat\",null]",
        "[2,null,\"Heartbeat\",{}]",
        "[2,\"ID\",\"StartTransaction\",{\"connectorId\":99999999999,\"idTag\":\"T\","
            + "\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}]",
        "[2,\"ID\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]",
        "[4,\"ID\",\"GenericError\",\"\",{}]",
        "[3,\"ID\",{}]",
        "[5,\"ID\",\"Heartbeat\",{}]",
        "[0]",
        "[-1,\"ID\"]",
        "[2,\"ID\",\"heartbeat\",{}]",
      };

  /** What the central system must send back for a frame. */
  sealed interface Expect {
    /** A CALLRESULT: a valid CALL, which goes through the inbox and the processors. */
    record Result() implements Expect {}

    /** A CALLERROR with this code. */
    record Error(ErrorCode code) implements Expect {}

    /** Nothing (no id to answer, an answer to no call, an unknown message type). */
    record Nothing() implements Expect {}
  }

  /** A frame to send, its kind (for the counts) and what must come back. */
  record Planned(String kind, String text, String id, Expect expect) {}

  private record Golden(Action action, String text) {}

  private record GoldenInvalid(String text, ErrorCode code) {}

  private final List<Golden> valid = new ArrayList<>();
  private final List<Golden> withFields = new ArrayList<>();
  private final List<Golden> wrongDirection = new ArrayList<>();
  private final List<GoldenInvalid> invalid = new ArrayList<>();
  private final SplittableRandom random;
  private final String prefix;
  private long next;

  /**
   * @param prefix makes the ids of one connection its own
   */
  FuzzFrames(long seed, String prefix) {
    this.random = new SplittableRandom(seed);
    this.prefix = prefix;
    load();
  }

  private void load() {
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("request-")).sorted().toList()) {
        Action action = Action.fromWire(file.getParent().getFileName().toString()).orElseThrow();
        JsonNode node = JSON.readTree(file.toFile());
        boolean fromCharger = action.direction() != Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT;
        if (node.isArray()) {
          Golden golden = new Golden(action, JSON.writeValueAsString(node));
          if (fromCharger) {
            valid.add(golden);
            if (node.get(3).size() > 0) {
              withFields.add(golden);
            }
          } else {
            wrongDirection.add(golden);
          }
        } else if (fromCharger
            && node.get("frame").path(1).isTextual()
            && node.get("frame").get(1).asText().length() <= Frame.MAX_MESSAGE_ID_LENGTH) {
          invalid.add(
              new GoldenInvalid(
                  JSON.writeValueAsString(node.get("frame")),
                  ErrorCode.fromWire(node.get("errorCode").asText()).orElseThrow()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (valid.isEmpty() || invalid.isEmpty() || wrongDirection.isEmpty()) {
      throw new IllegalStateException("no golden frames under " + GOLDEN.toAbsolutePath());
    }
  }

  /** The next frame; its id is new on this connection. */
  Planned next() {
    String id = prefix + "-" + Long.toString(next++, 36);
    int dice = random.nextInt(100);
    if (dice < 8) {
      return new Planned("valid", withId(pick(valid).text(), id), id, new Expect.Result());
    } else if (dice < 18) {
      GoldenInvalid golden = pick(invalid);
      return new Planned(
          "golden-invalid", withId(golden.text(), id), id, new Expect.Error(golden.code()));
    } else if (dice < 22) {
      return new Planned(
          "wrong-direction",
          withId(pick(wrongDirection).text(), id),
          id,
          new Expect.Error(ErrorCode.NOT_SUPPORTED));
    } else if (dice < 27) {
      return unknownAction(id);
    } else if (dice < 37) {
      return wrongType(id);
    } else if (dice < 43) {
      return missingField(id);
    } else if (dice < 49) {
      return oddUnicode(id);
    } else if (dice < 59) {
      String text = withId(pick(valid).text(), id);
      return decided(
          "truncated",
          wellFormedUtf16(text.substring(0, 1 + random.nextInt(text.length() - 1))),
          id);
    } else if (dice < 69) {
      return decided("garbage", garbage(id), id);
    } else if (dice < 84) {
      return decided("mutated", mutate(withId(pick(valid).text(), id)), id);
    } else if (dice < 94) {
      String text =
          random.nextBoolean()
              ? "[3,\"" + id + "\",{\"status\":\"Accepted\"}]"
              : "[4,\"" + id + "\",\"GenericError\",\"no\",{}]";
      return new Planned("answer-to-no-call", text, id, new Expect.Nothing());
    } else {
      int type = random.nextBoolean() ? 5 + random.nextInt(100) : -random.nextInt(3);
      return new Planned(
          "unknown-type",
          "[" + type + ",\"" + id + "\",\"Heartbeat\",{}]",
          id,
          new Expect.Nothing());
    }
  }

  /** A Heartbeat: every connection must still answer one at the end. */
  Planned heartbeat() {
    String id = prefix + "-" + Long.toString(next++, 36);
    return new Planned(
        "final-heartbeat", "[2,\"" + id + "\",\"Heartbeat\",{}]", id, new Expect.Result());
  }

  /** A text frame of more than {@code maxBytes} UTF-8 bytes (still a well-formed CALL). */
  String oversized(int maxBytes) {
    String id = prefix + "-" + Long.toString(next++, 36);
    int extra = 1 + random.nextInt(1024);
    return "[2,\""
        + id
        + "\",\"DataTransfer\",{\"vendorId\":\"fuzz\",\"data\":\""
        + "x".repeat(maxBytes + extra)
        + "\"}]";
  }

  byte[] binary() {
    byte[] data = new byte[1 + random.nextInt(256)];
    random.nextBytes(data);
    return data;
  }

  private Planned unknownAction(String id) {
    StringBuilder name = new StringBuilder();
    int length = 1 + random.nextInt(20);
    for (int i = 0; i < length; i++) {
      name.append(
          random.nextInt(4) == 0 ? pick(ODD) : String.valueOf((char) ('A' + random.nextInt(26))));
    }
    String action = name.toString();
    if (Action.fromWire(action).isPresent()) {
      action = action + "X";
    }
    // An unknown action, even with odd characters: NotImplemented (decision 0002); the escapes in
    // ODD are still valid JSON string content.
    String text = "[2,\"" + id + "\",\"" + action + "\",{}]";
    return new Planned("unknown-action", text, id, new Expect.Error(ErrorCode.NOT_IMPLEMENTED));
  }

  /** One top-level payload field given a value of another JSON type: TypeConstraintViolation. */
  private Planned wrongType(String id) {
    ArrayNode frame = parse(withId(pick(withFields).text(), id));
    ObjectNode payload = (ObjectNode) frame.get(3);
    List<String> names = fieldNames(payload);
    String field = names.get(random.nextInt(names.size()));
    JsonNode value = payload.get(field);
    if (value.isTextual()) {
      payload.put(field, 4711);
    } else if (value.isNumber()) {
      payload.put(field, "one");
    } else {
      payload.put(field, random.nextBoolean() ? "x" : "true");
    }
    return new Planned(
        "wrong-type", write(frame), id, new Expect.Error(ErrorCode.TYPE_CONSTRAINT_VIOLATION));
  }

  /** One top-level field removed: OccurenceConstraintViolation if it is required, else valid. */
  private Planned missingField(String id) {
    Golden golden = pick(withFields);
    ArrayNode frame = parse(withId(golden.text(), id));
    ObjectNode payload = (ObjectNode) frame.get(3);
    List<String> names = fieldNames(payload);
    String field = names.get(random.nextInt(names.size()));
    payload.remove(field);
    boolean required = false;
    for (RecordComponent component : golden.action().requestType().getRecordComponents()) {
      if (component.getName().equals(field)) {
        required = !component.getAnnotatedType().isAnnotationPresent(Nullable.class);
      }
    }
    Expect expect =
        required ? new Expect.Error(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION) : new Expect.Result();
    return new Planned("missing-field", write(frame), id, expect);
  }

  /** Odd Unicode in DataTransfer's data (no length limit) or in the message id: a CALLRESULT. */
  private Planned oddUnicode(String id) {
    StringBuilder data = new StringBuilder();
    int pieces = 1 + random.nextInt(30);
    for (int i = 0; i < pieces; i++) {
      data.append(pick(ODD));
    }
    if (random.nextInt(10) == 0) {
      // An escaped lone surrogate: valid JSON, not a valid string; the codec decides.
      String text =
          "[2,\""
              + id
              + "\",\"DataTransfer\",{\"vendorId\":\"fuzz\",\"data\":\""
              + data
              + "\\ud800\"}]";
      return decided("odd-unicode-lone-surrogate", text, id);
    }
    if (random.nextBoolean()) {
      String text =
          "[2,\"" + id + "\",\"DataTransfer\",{\"vendorId\":\"fuzz\",\"data\":\"" + data + "\"}]";
      // U+0000 is refused in every string (decision 0002); the rest is a valid DataTransfer.
      Expect expect =
          data.indexOf("\\u0000") >= 0
              ? new Expect.Error(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION)
              : new Expect.Result();
      return new Planned("odd-unicode", text, id, expect);
    }
    // At most 36 characters in the id (OCPP-J §4.1.3); the answer must carry it back unchanged.
    String piece = pick(ODD);
    while (piece.contains("\\")) {
      piece = pick(ODD);
    }
    String oddId = piece + id;
    if (oddId.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
      oddId = oddId.substring(oddId.length() - Frame.MAX_MESSAGE_ID_LENGTH);
    }
    return new Planned(
        "odd-unicode-id", "[2,\"" + oddId + "\",\"Heartbeat\",{}]", oddId, new Expect.Result());
  }

  private String garbage(String id) {
    if (random.nextInt(5) == 0) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(200);
      for (int i = 0; i < length; i++) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      }
      return text.toString();
    }
    if (random.nextInt(20) == 0) {
      int depth = 100 + random.nextInt(5_000);
      return "[2,\""
          + id
          + "\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":"
          + "[".repeat(depth)
          + "]".repeat(depth)
          + "}]";
    }
    return pick(GARBAGE).replace("ID", id);
  }

  /** One to three random edits of the text: a character replaced, inserted, deleted or doubled. */
  private String mutate(String text) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && out.length() > 1; i++) {
      int at = random.nextInt(out.length());
      char c = EDITS.charAt(random.nextInt(EDITS.length()));
      switch (random.nextInt(4)) {
        case 0 -> out.setCharAt(at, c);
        case 1 -> out.insert(at, c);
        case 2 -> out.deleteCharAt(at);
        default ->
            out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(8))));
      }
    }
    return wellFormedUtf16(out.toString());
  }

  /**
   * Whatever Joule's codec reads from {@code text}: a valid CALL must get a CALLRESULT, an invalid
   * CALL with a readable id the CALLERROR the codec chose, anything else nothing.
   */
  private static Planned decided(String kind, String text, String id) {
    Frame frame = CODEC.read(text);
    return switch (frame) {
      case Frame.Call call -> new Planned(kind, text, call.messageId(), new Expect.Result());
      case Frame.Invalid bad when bad.expectsCallError() ->
          new Planned(kind, text, bad.messageId().orElseThrow(), new Expect.Error(bad.errorCode()));
      case Frame.Invalid bad -> new Planned(kind, text, id, new Expect.Nothing());
      case Frame.CallResult result -> new Planned(kind, text, id, new Expect.Nothing());
      case Frame.CallError error -> new Planned(kind, text, id, new Expect.Nothing());
      case Frame.Unknown unknown -> new Planned(kind, text, id, new Expect.Nothing());
    };
  }

  /** A lone surrogate cannot be sent as UTF-8: a cut or edit that leaves one replaces it. */
  private static String wellFormedUtf16(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String withId(String text, String id) {
    ArrayNode frame = parse(text);
    frame.set(1, JSON.getNodeFactory().textNode(id));
    return write(frame);
  }

  private static List<String> fieldNames(ObjectNode payload) {
    List<String> names = new ArrayList<>();
    payload.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static ArrayNode parse(String text) {
    try {
      return (ArrayNode) JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private String pick(String[] list) {
    return list[random.nextInt(list.length)];
  }
}
