package dev.joule.ocpp.json;

import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.WireEnum;
import java.time.Instant;
import java.util.List;

/**
 * Writes an OCPP record as JSON, checking the same constraints the reader checks: Joule's own
 * output is strictly valid, and a record that is not (a required field left null, a string too
 * long) fails here instead of on the charger.
 */
final class PayloadWriter {
  private PayloadWriter() {}

  static void writeObject(JsonOutput g, RecordSchema schema, Object record) {
    g.raw('{');
    boolean first = true;
    for (RecordSchema.Field field : schema.fields()) {
      Object value = schema.get(field, record);
      if (value == null) {
        if (field.required()) {
          throw new FieldViolation(
                  ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "required field is missing")
              .inField(field.name());
        }
        continue;
      }
      if (!first) {
        g.comma();
      }
      first = false;
      g.name(field.name());
      try {
        writeValue(g, field.type(), value);
      } catch (FieldViolation v) {
        throw v.inField(field.name());
      }
    }
    g.raw('}');
  }

  private static void writeValue(JsonOutput g, FieldType type, Object value) {
    switch (type) {
      case FieldType.StringType s -> g.string(PayloadReader.checkString((String) value, s));
      case FieldType.IntegerType i -> {
        int v = (Integer) value;
        if (v < i.min()) {
          throw new FieldViolation(
              ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
              "must be at least " + i.min() + ", got " + v);
        }
        g.number(v);
      }
      case FieldType.NumberType n -> writeNumber(g, n, (Double) value);
      case FieldType.BooleanType b -> g.bool((Boolean) value);
      case FieldType.DateTimeType d -> g.string(DateTimes.format((Instant) value));
      case FieldType.EnumType e -> g.string(((WireEnum) value).wire());
      case FieldType.ObjectType o -> writeObject(g, o.schema(), value);
      case FieldType.ArrayType a -> {
        List<?> items = (List<?>) value;
        if (items.size() < a.minItems()) {
          throw new FieldViolation(
              ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
              "needs at least " + a.minItems() + " item(s), has " + items.size());
        }
        g.raw('[');
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            g.comma();
          }
          try {
            writeValue(g, a.element(), items.get(i));
          } catch (FieldViolation v) {
            throw v.atIndex(i);
          }
        }
        g.raw(']');
      }
    }
  }

  private static void writeNumber(JsonOutput g, FieldType.NumberType type, double value) {
    if (!PayloadReader.isMultiple(value, type.multipleOf())) {
      throw new FieldViolation(
          ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
          "must be a multiple of " + type.multipleOf() + ", got " + value);
    }
    double inverse = Math.rint(1 / type.multipleOf());
    if (type.multipleOf() == 0 || Math.abs(inverse * type.multipleOf() - 1) > 1e-12) {
      g.number(value);
    } else {
      // 0.1 * 3 is 0.30000000000000004 in binary; n / 10.0 is the double nearest to the exact
      // tenth and prints as it, so strict validators on the other side accept it.
      g.number(Math.rint(value * inverse) / inverse);
    }
  }
}
