package dev.joule.ocpp.json;

import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.WireEnum;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON object into an OCPP record in one pass, validating every field against its schema as
 * it goes. Each failure names the field and carries the CALLERROR code of OCPP-J 1.6 §4.2.3; the
 * mapping is documented in docs/decisions/0002-callerror-mapping.md.
 */
final class PayloadReader {
  private final UnknownFields unknownFields;

  PayloadReader(UnknownFields unknownFields) {
    this.unknownFields = unknownFields;
  }

  /** Reads the object that starts at the input's current position. */
  Object readObject(JsonInput in, RecordSchema schema) {
    RecordSchema.Field[] fields = schema.fields();
    Object[] values = new Object[fields.length];
    long seen = 0; // records have fewer than 64 components (checked by RecordSchema)
    in.expect('{');
    if (!in.consume('}')) {
      do {
        if (in.peek() != '"') {
          throw in.syntax("expected a field name");
        }
        in.scanString();
        RecordSchema.Field field = in.lookUp(schema.fieldNames());
        String unknownName = field == null ? in.scannedString() : null;
        in.expect(':');
        int next = in.peek();
        if (field == null) {
          if (unknownFields == UnknownFields.REJECT) {
            throw new FieldViolation(
                    ErrorCode.FORMATION_VIOLATION, "is not a field of this message")
                .inField(unknownName);
          }
          in.skipValue();
          continue;
        }
        long bit = 1L << field.index();
        if ((seen & bit) != 0) {
          throw new FieldViolation(ErrorCode.FORMATION_VIOLATION, "appears twice")
              .inField(field.name());
        }
        seen |= bit;
        if (next == 'n') {
          in.literal("null"); // read as absent: chargers write "field": null for optional fields
          continue;
        }
        try {
          values[field.index()] = readValue(in, next, field.type());
        } catch (FieldViolation v) {
          throw v.inField(field.name());
        }
      } while (in.consume(','));
      in.expect('}');
    }
    for (RecordSchema.Field field : fields) {
      if (field.required() && values[field.index()] == null) {
        throw new FieldViolation(
                ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "required field is missing")
            .inField(field.name());
      }
    }
    return schema.construct(values);
  }

  private Object readValue(JsonInput in, int next, FieldType type) {
    return switch (type) {
      case FieldType.StringType s -> {
        expectString(in, next, type);
        yield checkString(in.readString(), s);
      }
      case FieldType.IntegerType i -> readInteger(in, next, i);
      case FieldType.NumberType n -> readNumber(in, next, n);
      case FieldType.BooleanType b -> {
        if (next == 't') {
          in.literal("true");
          yield Boolean.TRUE;
        }
        if (next == 'f') {
          in.literal("false");
          yield Boolean.FALSE;
        }
        throw typeMismatch(in, type);
      }
      case FieldType.DateTimeType d -> readDateTime(in, next, type);
      case FieldType.EnumType e -> readEnum(in, next, e);
      case FieldType.ObjectType o -> {
        if (next != '{') {
          throw typeMismatch(in, type);
        }
        yield readObject(in, o.schema());
      }
      case FieldType.ArrayType a -> readArray(in, next, a);
    };
  }

  private List<Object> readArray(JsonInput in, int next, FieldType.ArrayType type) {
    if (next != '[') {
      throw typeMismatch(in, type);
    }
    in.expect('[');
    List<Object> items = new ArrayList<>();
    if (!in.consume(']')) {
      do {
        int item = in.peek();
        try {
          if (item == 'n') {
            throw new FieldViolation(
                ErrorCode.TYPE_CONSTRAINT_VIOLATION, "must be " + type.element().jsonName());
          }
          items.add(readValue(in, item, type.element()));
        } catch (FieldViolation v) {
          throw v.atIndex(items.size());
        }
      } while (in.consume(','));
      in.expect(']');
    }
    if (items.size() < type.minItems()) {
      throw new FieldViolation(
          ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
          "needs at least " + type.minItems() + " item(s), has " + items.size());
    }
    return List.copyOf(items);
  }

  private static WireEnum readEnum(JsonInput in, int next, FieldType.EnumType type) {
    expectString(in, next, type);
    in.scanString();
    WireEnum value = in.lookUp(type.byWire());
    if (value == null) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "'" + abbreviate(in.scannedString()) + "' is not one of " + type.allowed());
    }
    return value;
  }

  private static Instant readDateTime(JsonInput in, int next, FieldType type) {
    expectString(in, next, type);
    in.scanString();
    try {
      return in.stringEscaped()
          ? DateTimes.parseOrThrow(in.scannedString())
          : DateTimes.parseOrThrow(in.text(), in.stringStart(), in.stringEnd());
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "'" + abbreviate(in.scannedString()) + "' is not a date-time");
    }
  }

  private static Integer readInteger(JsonInput in, int next, FieldType.IntegerType type) {
    expectNumber(in, next, type);
    int end = in.scanNumber();
    long value;
    if (in.numberIntegral()) {
      value = in.scannedLong(end);
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw outOfRange(in, end);
      }
    } else {
      // JSON schema (draft 6 and later) counts 5.0 as an integer; 5.5 is not one.
      double d = in.scannedDouble(end);
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new FieldViolation(
            ErrorCode.TYPE_CONSTRAINT_VIOLATION, "must be integer, got " + numberText(in, end));
      }
      if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
        throw outOfRange(in, end);
      }
      value = (long) d;
    }
    if (value < type.min()) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "must be at least " + type.min() + ", got " + value);
    }
    return (int) value;
  }

  private static Double readNumber(JsonInput in, int next, FieldType.NumberType type) {
    expectNumber(in, next, type);
    int end = in.scanNumber();
    double value = in.scannedDouble(end);
    if (!isMultiple(value, type.multipleOf())) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "must be a multiple of " + type.multipleOf() + ", got " + numberText(in, end));
    }
    return value;
  }

  static boolean isMultiple(double value, double step) {
    if (step == 0) {
      return Double.isFinite(value);
    }
    // An absolute tolerance: one relative to the value would let any large number pass.
    double quotient = value / step;
    return Math.abs(quotient - Math.rint(quotient)) < 1e-6;
  }

  static String checkString(String value, FieldType.StringType type) {
    // maxLength counts characters (code points); String.length() counts UTF-16 units.
    if (value.length() > type.maxLength()) {
      int characters = value.codePointCount(0, value.length());
      if (characters > type.maxLength()) {
        throw new FieldViolation(
            ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
            "is longer than " + type.maxLength() + " characters (" + characters + ")");
      }
    }
    // No OCPP string carries U+0000, and PostgreSQL cannot store it in text: a DataTransfer with
    // "\u0000" in its data was answered InternalError on every retry (found by GatewayFuzzIT).
    if (value.indexOf('\u0000') >= 0) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "contains U+0000 (NUL), which is not accepted");
    }
    if (type.uri() && !isAbsoluteUri(value)) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "'" + abbreviate(value) + "' is not a URI");
    }
    return value;
  }

  private static boolean isAbsoluteUri(String value) {
    try {
      return new URI(value).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void expectString(JsonInput in, int next, FieldType type) {
    if (next != '"') {
      throw typeMismatch(in, type);
    }
  }

  private static void expectNumber(JsonInput in, int next, FieldType type) {
    if (next != '-' && (next < '0' || next > '9')) {
      throw typeMismatch(in, type);
    }
  }

  private static String numberText(JsonInput in, int end) {
    return abbreviate(in.text().substring(in.numberStart(), end));
  }

  private static FieldViolation outOfRange(JsonInput in, int end) {
    return new FieldViolation(
        ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
        numberText(in, end) + " is outside the 32-bit integer range");
  }

  private static FieldViolation typeMismatch(JsonInput in, FieldType expected) {
    return new FieldViolation(
        ErrorCode.TYPE_CONSTRAINT_VIOLATION,
        "must be " + expected.jsonName() + ", got " + in.describeValue());
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
