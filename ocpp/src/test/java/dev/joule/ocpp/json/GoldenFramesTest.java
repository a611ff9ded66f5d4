package dev.joule.ocpp.json;

import static dev.joule.ocpp.json.GoldenFiles.file;
import static dev.joule.ocpp.json.GoldenFiles.files;
import static dev.joule.ocpp.json.GoldenFiles.json;
import static dev.joule.ocpp.json.GoldenFiles.label;
import static dev.joule.ocpp.json.GoldenFiles.payloadOf;
import static dev.joule.ocpp.json.GoldenFiles.text;
import static dev.joule.ocpp.json.GoldenFiles.tree;
import static dev.joule.ocpp.json.GoldenFiles.validRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Direction;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.Side;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs the golden frames under {@code src/test/resources/ocpp16/<Action>/} through the codec. Each
 * action's folder holds {@code request-valid.json} (a CALL using every field), optional {@code
 * request-valid-<variant>.json}, {@code request-minimal.json} (required fields only), {@code
 * response-valid.json} (a response payload using every field), and cases {@code
 * request-invalid-<what>.json} / {@code response-invalid-<what>.json} naming the CALLERROR code and
 * the text its description must contain. The cases are data: adding a file adds a test.
 */
class GoldenFramesTest {
  private static final Path ROOT = GoldenFiles.ROOT;
  private static final Predicate<String> KNOWN_FILE =
      Pattern.compile(
              "(request-valid|request-minimal|response-valid"
                  + "|request-valid-[a-z0-9-]+|request-invalid-[a-z0-9-]+|response-invalid-[a-z0-9-]+)"
                  + "\\.json")
          .asMatchPredicate();

  /** Numbers compare by value (the writer may print 32 as 32.0); everything else exactly. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  @Test
  void everyActionHasGoldenFrames() {
    SoftAssertions.assertSoftly(
        softly -> {
          for (Action action : Action.values()) {
            Path folder = ROOT.resolve(action.wire());
            for (String name : List.of("request-valid", "request-minimal", "response-valid")) {
              softly.assertThat(folder.resolve(name + ".json")).isRegularFile();
            }
            softly
                .assertThat(files(action, "request-invalid-"))
                .as("invalid request cases of %s", action.wire())
                .isNotEmpty();
          }
        });
  }

  @Test
  void everyGoldenFolderIsAnActionAndEveryFileHasARole() throws IOException {
    try (Stream<Path> folders = Files.list(ROOT)) {
      for (Path folder : folders.toList()) {
        String name = folder.getFileName().toString();
        assertThat(Action.fromWire(name)).as("action of folder %s", name).isPresent();
        try (Stream<Path> files = Files.list(folder)) {
          assertThat(files.map(f -> f.getFileName().toString()))
              .as("files in %s", name)
              .allMatch(KNOWN_FILE);
        }
      }
    }
  }

  @Test
  void validFramesTogetherUseEveryFieldOfEveryMessage() {
    Map<Class<?>, Set<String>> declared = new LinkedHashMap<>();
    Map<Class<?>, Set<String>> used = new HashMap<>();
    for (Action action : Action.values()) {
      declare(action.requestType(), declared);
      declare(action.responseType(), declared);
      validRequests(action)
          .filter(file -> !file.endsWith("request-minimal.json"))
          .forEach(file -> collect(payloadOf(file), action.requestType(), used));
      collect(tree(file(action, "response-valid.json")), action.responseType(), used);
    }
    SoftAssertions.assertSoftly(
        softly -> {
          declared.forEach(
              (type, fields) ->
                  softly
                      .assertThat(used.getOrDefault(type, Set.of()))
                      .as("fields of %s used in a valid golden frame", type.getSimpleName())
                      .containsExactlyInAnyOrderElementsOf(fields));
          for (Action action : Action.values()) {
            Set<String> top = new HashSet<>();
            payloadOf(file(action, "request-valid.json")).fieldNames().forEachRemaining(top::add);
            softly
                .assertThat(top)
                .as("fields of %s/request-valid.json", action.wire())
                .containsExactlyInAnyOrderElementsOf(declared.get(action.requestType()));
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> validRequestsDecodeAndSurviveARoundTrip() {
    return Arrays.stream(Action.values())
        .flatMap(
            action ->
                validRequests(action)
                    .flatMap(
                        file ->
                            readBy(
                                receivers(action),
                                label(file),
                                side -> roundTripRequest(action, file, side))));
  }

  private static void roundTripRequest(Action action, Path file, Side side) {
    OcppJson codec = codec(side);
    JsonNode golden = tree(file);

    Frame frame = codec.read(text(file));

    assertThat(frame).isInstanceOf(Frame.Call.class);
    Frame.Call call = (Frame.Call) frame;
    assertThat(call.messageId()).isEqualTo(golden.get(1).textValue());
    assertThat(call.action()).isEqualTo(action);
    assertThat(call.payload()).isInstanceOf(action.requestType());
    String written = codec.writeCall(call.messageId(), call.payload());
    assertSameJson(written, golden);
    assertThat(codec.read(written)).isEqualTo(call);
  }

  @TestFactory
  Stream<DynamicTest> everyFieldOfAMinimalRequestIsRequired() {
    return Arrays.stream(Action.values())
        .flatMap(
            action -> {
              JsonNode frame = tree(file(action, "request-minimal.json"));
              Map<JsonPointer, String> members = new LinkedHashMap<>();
              members(frame.get(3), JsonPointer.compile("/3"), "", members);
              return members.entrySet().stream()
                  .flatMap(
                      member ->
                          readBy(
                              receivers(action),
                              action.wire() + " without " + member.getValue(),
                              side -> refuseWithout(action, frame, member, side)));
            });
  }

  private static void refuseWithout(
      Action action, JsonNode frame, Map.Entry<JsonPointer, String> member, Side side) {
    JsonNode reduced = frame.deepCopy();
    ((ObjectNode) reduced.at(member.getKey().head()))
        .remove(member.getKey().last().getMatchingProperty());

    Frame.Invalid invalid = invalid(codec(side).read(json(reduced)));

    assertThat(invalid.errorCode()).isEqualTo(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
    assertThat(invalid.description()).contains(action.wire() + "." + member.getValue() + ":");
  }

  @TestFactory
  Stream<DynamicTest> requestsFromTheWrongSideAreNotSupported() {
    return Arrays.stream(Action.values())
        .filter(action -> action.direction() != Direction.BOTH)
        .flatMap(
            action ->
                readBy(
                    senders(action),
                    action.wire() + "/request-valid.json",
                    side -> {
                      Frame.Invalid invalid =
                          invalid(codec(side).read(text(file(action, "request-valid.json"))));
                      assertThat(invalid.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED);
                      assertThat(invalid.description()).startsWith(action.wire() + " ");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> invalidRequestsAreRefusedWithTheirCallError() {
    return Arrays.stream(Action.values())
        .flatMap(
            action ->
                files(action, "request-invalid-").stream()
                    .flatMap(
                        file ->
                            readBy(
                                receivers(action),
                                label(file),
                                side -> refuseRequest(file, side))));
  }

  private static void refuseRequest(Path file, Side side) {
    JsonNode golden = tree(file);
    JsonNode frame = golden.required("frame");

    Frame.Invalid invalid = invalid(codec(side).read(json(frame)));

    assertThat(invalid.errorCode().wire()).isEqualTo(golden.required("errorCode").textValue());
    assertThat(invalid.description()).contains(golden.required("descriptionContains").textValue());
    assertThat(invalid.messageId()).contains(frame.get(1).textValue());
    assertThat(invalid.expectsCallError()).isTrue();
  }

  @TestFactory
  Stream<DynamicTest> validResponsesDecodeAndSurviveARoundTrip() {
    return Arrays.stream(Action.values())
        .flatMap(
            action ->
                readBy(
                    senders(action),
                    action.wire() + "/response-valid.json",
                    side -> roundTripResponse(action, side)));
  }

  private static void roundTripResponse(Action action, Side side) {
    OcppJson codec = codec(side);
    Path file = file(action, "response-valid.json");

    Response response = codec.readResponse(action, text(file));

    assertThat(response).isInstanceOf(action.responseType());
    String written = codec.writePayload((Record) response);
    assertSameJson(written, tree(file));
    assertThat(codec.readResponse(action, written)).isEqualTo(response);
  }

  @TestFactory
  Stream<DynamicTest> invalidResponsesAreRefusedWithTheirCallError() {
    return Arrays.stream(Action.values())
        .flatMap(
            action ->
                files(action, "response-invalid-").stream()
                    .flatMap(
                        file ->
                            readBy(
                                senders(action),
                                label(file),
                                side -> refuseResponse(action, file, side))));
  }

  private static void refuseResponse(Action action, Path file, Side side) {
    JsonNode golden = tree(file);
    String payload = json(golden.required("payload"));

    assertThatThrownBy(() -> codec(side).readResponse(action, payload))
        .isInstanceOfSatisfying(
            OcppViolation.class,
            v -> {
              assertThat(v.errorCode().wire()).isEqualTo(golden.required("errorCode").textValue());
              assertThat(v.description())
                  .contains(golden.required("descriptionContains").textValue());
            });
  }

  /** One dynamic test per side, each reading {@code what} with that side's codec. */
  private static Stream<DynamicTest> readBy(List<Side> sides, String what, Consumer<Side> check) {
    return sides.stream().map(side -> named(what + " read by " + side, () -> check.accept(side)));
  }

  /**
   * A dynamic test whose failure message starts with its name: the build log shows dynamic tests by
   * index only, and the name says which golden file failed.
   */
  private static DynamicTest named(String name, Executable body) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          try {
            body.execute();
          } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
          }
        });
  }

  /** The sides whose codec receives this action's CALL. */
  private static List<Side> receivers(Action action) {
    return switch (action.direction()) {
      case CHARGE_POINT_TO_CENTRAL_SYSTEM -> List.of(Side.CENTRAL_SYSTEM);
      case CENTRAL_SYSTEM_TO_CHARGE_POINT -> List.of(Side.CHARGE_POINT);
      case BOTH -> List.of(Side.CENTRAL_SYSTEM, Side.CHARGE_POINT);
    };
  }

  /** The sides that send this action's CALL and so read its response. */
  private static List<Side> senders(Action action) {
    return receivers(action).stream().map(Side::peer).toList();
  }

  private static OcppJson codec(Side side) {
    return switch (side) {
      case CENTRAL_SYSTEM -> OcppJson.forCentralSystem();
      case CHARGE_POINT -> OcppJson.forChargePoint();
    };
  }

  private static Frame.Invalid invalid(Frame frame) {
    assertThat(frame).isInstanceOf(Frame.Invalid.class);
    return (Frame.Invalid) frame;
  }

  private static void assertSameJson(String written, JsonNode golden) {
    JsonNode actual = tree(written);
    assertThat(actual.equals(NUMBERS_BY_VALUE, golden))
        .as(
            "re-encoded JSON equals the golden one%n re-encoded: %s%n golden:     %s",
            actual, golden)
        .isTrue();
  }

  /**
   * Every object member at or below {@code node}, as its JSON pointer in the frame and its path as
   * the codec names it in a CALLERROR description ({@code meterValue[0].sampledValue[0].value}).
   */
  private static void members(
      JsonNode node, JsonPointer pointer, String path, Map<JsonPointer, String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonPointer at = pointer.appendProperty(member.getKey());
        String named = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
        out.put(at, named);
        members(member.getValue(), at, named, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        members(node.get(i), pointer.appendIndex(i), path + "[" + i + "]", out);
      }
    }
  }

  /** Records the fields of {@code type} and of the records it contains, as declared. */
  private static void declare(Type type, Map<Class<?>, Set<String>> declared) {
    if (type instanceof ParameterizedType list) {
      declare(list.getActualTypeArguments()[0], declared);
    } else if (type instanceof Class<?> c && c.isRecord() && !declared.containsKey(c)) {
      Set<String> fields = new HashSet<>();
      declared.put(c, fields);
      for (RecordComponent component : c.getRecordComponents()) {
        fields.add(component.getName());
        declare(component.getGenericType(), declared);
      }
    }
  }

  /** Records which fields of which record types {@code node} (a value of {@code type}) uses. */
  private static void collect(JsonNode node, Type type, Map<Class<?>, Set<String>> used) {
    if (type instanceof ParameterizedType list) {
      node.forEach(item -> collect(item, list.getActualTypeArguments()[0], used));
    } else if (type instanceof Class<?> c && c.isRecord()) {
      Set<String> fields = used.computeIfAbsent(c, k -> new HashSet<>());
      for (RecordComponent component : c.getRecordComponents()) {
        JsonNode value = node.get(component.getName());
        if (value != null) {
          fields.add(component.getName());
          collect(value, component.getGenericType(), used);
        }
      }
    }
  }
}
