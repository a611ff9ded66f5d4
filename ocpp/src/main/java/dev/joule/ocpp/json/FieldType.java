package dev.joule.ocpp.json;

import dev.joule.ocpp.WireEnum;

/**
 * What a JSON value must be: the schema of one record component or array element, derived once per
 * record class from its component types and constraint annotations.
 */
sealed interface FieldType {
  /** Name used in error descriptions, as the JSON schema would name the type. */
  String jsonName();

  record StringType(int maxLength, boolean uri) implements FieldType {
    @Override
    public String jsonName() {
      return "string";
    }
  }

  record IntegerType(long min, boolean primitive) implements FieldType {
    @Override
    public String jsonName() {
      return "integer";
    }
  }

  record NumberType(double multipleOf, boolean primitive) implements FieldType {
    @Override
    public String jsonName() {
      return "number";
    }
  }

  record BooleanType(boolean primitive) implements FieldType {
    @Override
    public String jsonName() {
      return "boolean";
    }
  }

  record DateTimeType() implements FieldType {
    @Override
    public String jsonName() {
      return "string (date-time)";
    }
  }

  record EnumType(Class<?> type, NameTable<WireEnum> byWire, String allowed) implements FieldType {
    @Override
    public String jsonName() {
      return "string";
    }
  }

  record ObjectType(RecordSchema schema) implements FieldType {
    @Override
    public String jsonName() {
      return "object";
    }
  }

  record ArrayType(FieldType element, int minItems) implements FieldType {
    @Override
    public String jsonName() {
      return "array";
    }
  }
}
