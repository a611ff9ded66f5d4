package dev.joule.ocpp.json;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.Side;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The OCPP-J codec for one side of the connection: reads frames into validated records and writes
 * records as frames. Stateless and thread-safe; one instance serves every connection.
 *
 * <p>Reading never throws for bad input: a frame that cannot be accepted comes back as {@link
 * Frame.Invalid} carrying the CALLERROR code and a description naming the field at fault.
 */
public final class OcppJson {
  private final Side local;
  private final PayloadReader reader;

  public OcppJson(Side local, UnknownFields unknownFields) {
    this.local = local;
    this.reader = new PayloadReader(unknownFields);
  }

  /** The codec of a central system: accepts CALLs that charge points initiate. */
  public static OcppJson forCentralSystem() {
    return new OcppJson(Side.CENTRAL_SYSTEM, UnknownFields.IGNORE);
  }

  /** The codec of a charge point: accepts CALLs that central systems initiate. */
  public static OcppJson forChargePoint() {
    return new OcppJson(Side.CHARGE_POINT, UnknownFields.IGNORE);
  }

  /** Reads one WebSocket text frame. */
  public Frame read(String text) {
    JsonInput in = JsonInput.borrow(text);
    try {
      return readFrame(in);
    } finally {
      in.release();
    }
  }

  /** Reads one WebSocket text frame given as UTF-8 bytes. */
  public Frame read(byte[] utf8) {
    return read(new String(utf8, StandardCharsets.UTF_8));
  }

  /**
   * Decodes and validates a request payload (a JSON object) for {@code action}.
   *
   * @throws OcppViolation naming the field and the CALLERROR code
   */
  public Request readRequest(Action action, String payloadJson) {
    return (Request) readPayload(action.wire(), RecordSchema.of(action.requestType()), payloadJson);
  }

  /**
   * Decodes and validates the payload of a CALLRESULT that answers a CALL of {@code action}.
   *
   * @throws OcppViolation naming the field and the CALLERROR code
   */
  public Response readResponse(Action action, String payloadJson) {
    return (Response)
        readPayload(
            action.wire() + "Response", RecordSchema.of(action.responseType()), payloadJson);
  }

  /** {@code [2, messageId, action, payload]}. */
  public String writeCall(String messageId, Request payload) {
    checkMessageId(messageId);
    JsonOutput out = new JsonOutput(128);
    out.raw('[').number(Frame.CALL).comma().string(messageId).comma();
    out.string(Action.ofRequest(payload.getClass()).wire()).comma();
    writeRecord(out, payload);
    return out.raw(']').toString();
  }

  /** {@code [3, messageId, payload]}. */
  public String writeResult(String messageId, Response payload) {
    checkMessageId(messageId);
    JsonOutput out = new JsonOutput(64);
    out.raw('[').number(Frame.CALL_RESULT).comma().string(messageId).comma();
    writeRecord(out, payload);
    return out.raw(']').toString();
  }

  /** {@code [4, messageId, errorCode, description, {}]}. */
  public String writeError(String messageId, ErrorCode errorCode, String description) {
    JsonOutput out = new JsonOutput(64 + description.length());
    out.raw('[').number(Frame.CALL_ERROR).comma().string(messageId).comma();
    out.string(errorCode.wire()).comma().string(description).comma();
    return out.raw('{').raw('}').raw(']').toString();
  }

  /** A request or response record alone, as the JSON object that would be its payload. */
  public String writePayload(Record payload) {
    JsonOutput out = new JsonOutput(64);
    writeRecord(out, payload);
    return out.toString();
  }

  private static void writeRecord(JsonOutput out, Object payload) {
    RecordSchema schema = RecordSchema.of(payload.getClass());
    try {
      PayloadWriter.writeObject(out, schema, payload);
    } catch (FieldViolation v) {
      throw v.toViolation(schema.type().getSimpleName());
    }
  }

  private static void checkMessageId(String messageId) {
    if (messageId.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "message id longer than " + Frame.MAX_MESSAGE_ID_LENGTH + " characters: " + messageId);
    }
  }

  private Object readPayload(String name, RecordSchema schema, String json) {
    JsonInput in = new JsonInput(json);
    try {
      if (in.peek() != '{') {
        throw new OcppViolation(
            ErrorCode.FORMATION_VIOLATION,
            name + ": payload must be a JSON object, got " + in.describeValue());
      }
      Object value = reader.readObject(in, schema);
      in.expectEnd("payload");
      return value;
    } catch (FieldViolation v) {
      throw v.toViolation(name);
    }
  }

  private Frame readFrame(JsonInput in) {
    int type = 0;
    String id = null;
    try {
      if (in.peek() != '[') {
        in.skipValue(); // a syntax error says more than "not an array"
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "a message must be a JSON array");
      }
      in.expect('[');
      if (in.peek() == ']') {
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "empty message array");
      }
      int c = in.peek();
      if (c != '-' && (c < '0' || c > '9')) {
        in.skipValue();
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "MessageTypeId must be an integer");
      }
      int end = in.scanNumber();
      long number = in.scannedLong(end);
      if (!in.numberIntegral() || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "MessageTypeId must be an integer");
      }
      type = (int) number;
      if (type < Frame.CALL || type > Frame.CALL_ERROR) {
        OcppViolation syntax = syntaxError(in.text());
        return syntax == null
            ? new Frame.Unknown(type)
            : invalid(0, null, syntax.errorCode(), syntax.description());
      }
      if (in.consume(']')) {
        return invalid(type, null, ErrorCode.PROTOCOL_ERROR, "message has no UniqueId");
      }
      in.expect(',');
      if (in.peek() != '"') {
        in.skipValue();
        return invalid(type, null, ErrorCode.FORMATION_VIOLATION, "UniqueId must be a string");
      }
      id = in.readString();
      if (id.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
        return invalid(
            type,
            id,
            ErrorCode.FORMATION_VIOLATION,
            "UniqueId is longer than " + Frame.MAX_MESSAGE_ID_LENGTH + " characters");
      }
      return switch (type) {
        case Frame.CALL -> readCall(in, id);
        case Frame.CALL_RESULT -> readCallResult(in, id);
        default -> readCallError(in, id);
      };
    } catch (OcppViolation v) {
      // The reader stops at the first fault it meets; text that is not JSON at all must still be
      // reported as such, even when a schema fault comes first. Only the error path pays for this.
      OcppViolation syntax = syntaxError(in.text());
      OcppViolation reported = syntax == null ? v : syntax;
      return invalid(type, id, reported.errorCode(), reported.description());
    }
  }

  /** The syntax error in {@code text}, or null if it is one JSON value. */
  private static OcppViolation syntaxError(String text) {
    JsonInput in = new JsonInput(text);
    try {
      in.skipValue();
      in.expectEnd("message array");
      return null;
    } catch (OcppViolation v) {
      return v;
    }
  }

  private Frame readCall(JsonInput in, String id) {
    if (in.consume(']')) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALL has no Action and no payload");
    }
    in.expect(',');
    if (in.peek() != '"') {
      in.skipValue();
      throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "Action must be a string");
    }
    String name = in.readString();
    Optional<Action> found = Action.fromWire(name);
    if (found.isEmpty()) {
      throw new OcppViolation(
          ErrorCode.NOT_IMPLEMENTED,
          "unknown action '" + PayloadReader.abbreviate(name) + "' (names are case-sensitive)");
    }
    Action action = found.get();
    if (!action.direction().initiatedBy(local.peer())) {
      throw new OcppViolation(
          ErrorCode.NOT_SUPPORTED,
          name + " is not sent by a " + local.peer().name().toLowerCase().replace('_', ' '));
    }
    if (in.consume(']')) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALL has no payload");
    }
    in.expect(',');
    if (in.peek() != '{') {
      throw new OcppViolation(
          ErrorCode.FORMATION_VIOLATION,
          name + ": payload must be a JSON object, got " + in.describeValue());
    }
    Request payload;
    try {
      payload = (Request) reader.readObject(in, RecordSchema.of(action.requestType()));
    } catch (FieldViolation v) {
      throw v.toViolation(name);
    }
    expectEnd(in, "CALL", 4);
    return new Frame.Call(id, action, payload);
  }

  private Frame readCallResult(JsonInput in, String id) {
    if (in.consume(']')) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALLRESULT has no payload");
    }
    in.expect(',');
    if (in.peek() != '{') {
      throw new OcppViolation(
          ErrorCode.FORMATION_VIOLATION,
          "CALLRESULT payload must be a JSON object, got " + in.describeValue());
    }
    int start = in.position();
    in.skipValue();
    String payload = in.text().substring(start, in.position());
    expectEnd(in, "CALLRESULT", 3);
    return new Frame.CallResult(id, payload);
  }

  private Frame readCallError(JsonInput in, String id) {
    if (in.consume(']')) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALLERROR has no ErrorCode");
    }
    in.expect(',');
    if (in.peek() != '"') {
      in.skipValue();
      throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "ErrorCode must be a string");
    }
    String code = in.readString();
    String description = "";
    String details = "{}";
    if (!in.consume(']')) {
      in.expect(',');
      if (in.peek() != '"') {
        in.skipValue();
        throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "ErrorDescription must be a string");
      }
      description = in.readString();
      if (!in.consume(']')) {
        in.expect(',');
        if (in.peek() != '{') {
          in.skipValue();
          throw new OcppViolation(
              ErrorCode.FORMATION_VIOLATION, "ErrorDetails must be a JSON object");
        }
        int start = in.position();
        in.skipValue();
        details = in.text().substring(start, in.position());
        expectEnd(in, "CALLERROR", 5);
      } else {
        in.expectEnd("message array");
      }
    } else {
      in.expectEnd("message array");
    }
    Optional<ErrorCode> known = ErrorCode.fromWire(code);
    return new Frame.CallError(
        id,
        known.orElse(ErrorCode.GENERIC_ERROR),
        known.isPresent() ? description : "[" + code + "] " + description,
        details);
  }

  private static void expectEnd(JsonInput in, String kind, int elements) {
    if (!in.consume(']')) {
      if (in.peek() == ',') {
        throw new OcppViolation(
            ErrorCode.FORMATION_VIOLATION, kind + " has more than " + elements + " elements");
      }
      throw in.syntax("expected ']'");
    }
    in.expectEnd("message array");
  }

  private static Frame.Invalid invalid(int type, String id, ErrorCode code, String description) {
    return new Frame.Invalid(type, Optional.ofNullable(id), code, description);
  }
}
