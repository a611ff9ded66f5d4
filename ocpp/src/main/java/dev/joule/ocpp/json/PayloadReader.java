package dev.joule.ocpp.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.WireEnum;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON object into an OCPP record in one streaming pass, validating every field against its
 * schema as it goes. Each failure names the field and carries the CALLERROR code of OCPP-J 1.6
 * §4.2.3; the mapping is documented in docs/decisions/0002-callerror-mapping.md.
 */
final class PayloadReader {
  private final UnknownFields unknownFields;

  PayloadReader(UnknownFields unknownFields) {
    this.unknownFields = unknownFields;
  }

  /** Reads the object whose START_OBJECT is the parser's current token. */
  Object readObject(JsonParser p, RecordSchema schema) throws IOException {
    RecordSchema.Field[] fields = schema.fields();
    Object[] values = new Object[fields.length];
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      RecordSchema.Field field = schema.field(name);
      JsonToken valueToken = p.nextToken();
      if (field == null) {
        if (unknownFields == UnknownFields.REJECT) {
          throw new FieldViolation(ErrorCode.FORMATION_VIOLATION, "is not a field of this message")
              .inField(name);
        }
        p.skipChildren();
        continue;
      }
      if (values[field.index()] != null) {
        throw new FieldViolation(ErrorCode.FORMATION_VIOLATION, "appears twice").inField(name);
      }
      if (valueToken == JsonToken.VALUE_NULL) {
        continue; // null is read as absent: chargers write "field": null for optional fields
      }
      try {
        values[field.index()] = readValue(p, valueToken, field.type());
      } catch (FieldViolation v) {
        throw v.inField(name);
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new FieldViolation(ErrorCode.FORMATION_VIOLATION, "malformed object");
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

  private Object readValue(JsonParser p, JsonToken token, FieldType type) throws IOException {
    return switch (type) {
      case FieldType.StringType s -> checkString(text(p, token, type), s);
      case FieldType.IntegerType i -> readInteger(p, token, i);
      case FieldType.NumberType n -> readNumber(p, token, n);
      case FieldType.BooleanType b -> {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw typeMismatch(token, type);
        }
        yield token == JsonToken.VALUE_TRUE;
      }
      case FieldType.DateTimeType d -> {
        String text = text(p, token, type);
        try {
          yield DateTimes.parseOrThrow(text);
        } catch (DateTimeException | IndexOutOfBoundsException e) {
          throw new FieldViolation(
              ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
              "'" + abbreviate(text) + "' is not a date-time");
        }
      }
      case FieldType.EnumType e -> {
        String text = text(p, token, type);
        WireEnum value = e.byWire().get(text);
        if (value == null) {
          throw new FieldViolation(
              ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
              "'" + abbreviate(text) + "' is not one of " + e.allowed());
        }
        yield value;
      }
      case FieldType.ObjectType o -> {
        if (token != JsonToken.START_OBJECT) {
          throw typeMismatch(token, type);
        }
        yield readObject(p, o.schema());
      }
      case FieldType.ArrayType a -> readArray(p, token, a);
    };
  }

  private List<Object> readArray(JsonParser p, JsonToken token, FieldType.ArrayType type)
      throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw typeMismatch(token, type);
    }
    List<Object> items = new ArrayList<>();
    JsonToken item;
    while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
      if (item == JsonToken.VALUE_NULL) {
        throw new FieldViolation(
                ErrorCode.TYPE_CONSTRAINT_VIOLATION, "must be " + type.element().jsonName())
            .atIndex(items.size());
      }
      try {
        items.add(readValue(p, item, type.element()));
      } catch (FieldViolation v) {
        throw v.atIndex(items.size());
      }
    }
    if (items.size() < type.minItems()) {
      throw new FieldViolation(
          ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
          "needs at least " + type.minItems() + " item(s), has " + items.size());
    }
    return List.copyOf(items);
  }

  private static Integer readInteger(JsonParser p, JsonToken token, FieldType.IntegerType type)
      throws IOException {
    long value;
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw outOfRange(p.getText());
      }
      value = p.getLongValue();
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      // JSON schema (draft 6 and later) counts 5.0 as an integer; 5.5 is not one.
      double d = p.getDoubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new FieldViolation(
            ErrorCode.TYPE_CONSTRAINT_VIOLATION, "must be integer, got " + p.getText());
      }
      if (Math.abs(d) > Integer.MAX_VALUE) {
        throw outOfRange(p.getText());
      }
      value = (long) d;
    } else {
      throw typeMismatch(token, type);
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw outOfRange(p.getText());
    }
    if (value < type.min()) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "must be at least " + type.min() + ", got " + value);
    }
    return (int) value;
  }

  private static Double readNumber(JsonParser p, JsonToken token, FieldType.NumberType type)
      throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw typeMismatch(token, type);
    }
    double value = p.getDoubleValue();
    if (!isMultiple(value, type.multipleOf())) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "must be a multiple of " + type.multipleOf() + ", got " + p.getText());
    }
    return value;
  }

  static boolean isMultiple(double value, double step) {
    if (step == 0) {
      return Double.isFinite(value);
    }
    double quotient = value / step;
    return Math.abs(quotient - Math.rint(quotient)) < 1e-9 * Math.max(1, Math.abs(quotient));
  }

  static String checkString(String value, FieldType.StringType type) {
    if (value.length() > type.maxLength()
        && value.codePointCount(0, value.length()) > type.maxLength()) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "is longer than " + type.maxLength() + " characters (" + value.length() + ")");
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

  private static String text(JsonParser p, JsonToken token, FieldType type) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw typeMismatch(token, type);
    }
    return p.getText();
  }

  private static FieldViolation outOfRange(String text) {
    return new FieldViolation(
        ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
        abbreviate(text) + " is outside the 32-bit integer range");
  }

  private static FieldViolation typeMismatch(JsonToken token, FieldType expected) {
    return new FieldViolation(
        ErrorCode.TYPE_CONSTRAINT_VIOLATION,
        "must be " + expected.jsonName() + ", got " + describe(token));
  }

  static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> token.name();
    };
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
