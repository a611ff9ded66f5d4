package dev.joule.ocpp.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.Side;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

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
    try (JsonParser p = FACTORY.createParser(text)) {
      return readFrame(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // closing a parser over memory does not fail
    }
  }

  /** Reads one WebSocket text frame given as UTF-8 bytes. */
  public Frame read(byte[] utf8) {
    try (JsonParser p = FACTORY.createParser(utf8)) {
      return readFrame(p, utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    return write(
        g -> {
          g.writeStartArray();
          g.writeNumber(Frame.CALL);
          g.writeString(messageId);
          g.writeString(Action.ofRequest(payload.getClass()).wire());
          writeRecord(g, payload);
          g.writeEndArray();
        });
  }

  /** {@code [3, messageId, payload]}. */
  public String writeResult(String messageId, Response payload) {
    checkMessageId(messageId);
    return write(
        g -> {
          g.writeStartArray();
          g.writeNumber(Frame.CALL_RESULT);
          g.writeString(messageId);
          writeRecord(g, payload);
          g.writeEndArray();
        });
  }

  /** {@code [4, messageId, errorCode, description, {}]}. */
  public String writeError(String messageId, ErrorCode errorCode, String description) {
    return write(
        g -> {
          g.writeStartArray();
          g.writeNumber(Frame.CALL_ERROR);
          g.writeString(messageId);
          g.writeString(errorCode.wire());
          g.writeString(description);
          g.writeStartObject();
          g.writeEndObject();
          g.writeEndArray();
        });
  }

  /** A request or response record alone, as the JSON object that would be its payload. */
  public String writePayload(Record payload) {
    return write(g -> writeRecord(g, payload));
  }

  private static void writeRecord(JsonGenerator g, Object payload) throws IOException {
    RecordSchema schema = RecordSchema.of(payload.getClass());
    try {
      PayloadWriter.writeObject(g, schema, payload);
    } catch (FieldViolation v) {
      throw v.toViolation(schema.type().getSimpleName());
    }
  }

  private interface Writing {
    void to(JsonGenerator g) throws IOException;
  }

  private static String write(Writing writing) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writing.to(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void checkMessageId(String messageId) {
    if (messageId.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "message id longer than " + Frame.MAX_MESSAGE_ID_LENGTH + " characters: " + messageId);
    }
  }

  private Object readPayload(String name, RecordSchema schema, String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new OcppViolation(
            ErrorCode.FORMATION_VIOLATION,
            name + ": payload must be a JSON object, got " + describe(first));
      }
      Object value = reader.readObject(p, schema);
      if (p.nextToken() != null) {
        throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, name + ": text after the payload");
      }
      return value;
    } catch (FieldViolation v) {
      throw v.toViolation(name);
    } catch (IOException e) {
      throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, name + ": " + jsonError(e));
    }
  }

  private Frame readFrame(JsonParser p, Object source) {
    int type = 0;
    String id = null;
    try {
      JsonToken token = p.nextToken();
      if (token != JsonToken.START_ARRAY) {
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "a message must be a JSON array");
      }
      token = p.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "empty message array");
      }
      if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
        return invalid(0, null, ErrorCode.FORMATION_VIOLATION, "MessageTypeId must be an integer");
      }
      type = p.getIntValue();
      if (type < Frame.CALL || type > Frame.CALL_ERROR) {
        return new Frame.Unknown(type);
      }
      token = p.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return invalid(type, null, ErrorCode.PROTOCOL_ERROR, "message has no UniqueId");
      }
      if (token != JsonToken.VALUE_STRING) {
        return invalid(type, null, ErrorCode.FORMATION_VIOLATION, "UniqueId must be a string");
      }
      id = p.getText();
      if (id.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
        return invalid(
            type,
            id,
            ErrorCode.FORMATION_VIOLATION,
            "UniqueId is longer than " + Frame.MAX_MESSAGE_ID_LENGTH + " characters");
      }
      return switch (type) {
        case Frame.CALL -> readCall(p, id);
        case Frame.CALL_RESULT -> readCallResult(p, id, source);
        default -> readCallError(p, id);
      };
    } catch (OcppViolation v) {
      return invalid(type, id, v.errorCode(), v.description());
    } catch (IOException e) {
      return invalid(type, id, ErrorCode.FORMATION_VIOLATION, jsonError(e));
    }
  }

  private Frame readCall(JsonParser p, String id) throws IOException {
    JsonToken token = p.nextToken();
    if (token == JsonToken.END_ARRAY) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALL has no Action and no payload");
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "Action must be a string");
    }
    String name = p.getText();
    token = p.nextToken();
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
    if (token == JsonToken.END_ARRAY) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALL has no payload");
    }
    if (token != JsonToken.START_OBJECT) {
      throw new OcppViolation(
          ErrorCode.FORMATION_VIOLATION,
          name + ": payload must be a JSON object, got " + describe(token));
    }
    Request payload;
    try {
      payload = (Request) reader.readObject(p, RecordSchema.of(action.requestType()));
    } catch (FieldViolation v) {
      throw v.toViolation(name);
    }
    expectEnd(p, "CALL", 4);
    return new Frame.Call(id, action, payload);
  }

  private Frame readCallResult(JsonParser p, String id, Object source) throws IOException {
    JsonToken token = p.nextToken();
    if (token == JsonToken.END_ARRAY) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALLRESULT has no payload");
    }
    if (token != JsonToken.START_OBJECT) {
      throw new OcppViolation(
          ErrorCode.FORMATION_VIOLATION,
          "CALLRESULT payload must be a JSON object, got " + describe(token));
    }
    String payload = slice(p, source);
    expectEnd(p, "CALLRESULT", 3);
    return new Frame.CallResult(id, payload);
  }

  private Frame readCallError(JsonParser p, String id) throws IOException {
    JsonToken token = p.nextToken();
    if (token == JsonToken.END_ARRAY) {
      throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, "CALLERROR has no ErrorCode");
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "ErrorCode must be a string");
    }
    String code = p.getText();
    String description = "";
    String details = "{}";
    token = p.nextToken();
    if (token != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_STRING) {
        throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "ErrorDescription must be a string");
      }
      description = p.getText();
      token = p.nextToken();
      if (token != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          throw new OcppViolation(
              ErrorCode.FORMATION_VIOLATION, "ErrorDetails must be a JSON object");
        }
        p.skipChildren();
        expectEnd(p, "CALLERROR", 5);
      } else {
        expectTextEnd(p);
      }
    } else {
      expectTextEnd(p);
    }
    Optional<ErrorCode> known = ErrorCode.fromWire(code);
    return new Frame.CallError(
        id,
        known.orElse(ErrorCode.GENERIC_ERROR),
        known.isPresent() ? description : "[" + code + "] " + description,
        details);
  }

  /** The JSON text of the object whose START_OBJECT is current; leaves the parser on its end. */
  private static String slice(JsonParser p, Object source) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    p.skipChildren();
    JsonLocation end = p.currentTokenLocation();
    if (source instanceof String text) {
      return text.substring((int) start.getCharOffset(), (int) end.getCharOffset() + 1);
    }
    byte[] bytes = (byte[]) source;
    int from = (int) start.getByteOffset();
    return new String(bytes, from, (int) end.getByteOffset() + 1 - from, StandardCharsets.UTF_8);
  }

  private static void expectEnd(JsonParser p, String kind, int elements) throws IOException {
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw new OcppViolation(
          ErrorCode.FORMATION_VIOLATION, kind + " has more than " + elements + " elements");
    }
    expectTextEnd(p);
  }

  private static void expectTextEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, "text after the message array");
    }
  }

  private static Frame.Invalid invalid(int type, String id, ErrorCode code, String description) {
    return new Frame.Invalid(type, Optional.ofNullable(id), code, description);
  }

  private static String describe(JsonToken token) {
    return token == null ? "nothing" : PayloadReader.describe(token);
  }

  private static String jsonError(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return "not valid JSON: " + (newline < 0 ? message : message.substring(0, newline));
  }
}
