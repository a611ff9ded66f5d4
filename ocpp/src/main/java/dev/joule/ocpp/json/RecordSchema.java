package dev.joule.ocpp.json;

import dev.joule.ocpp.WireEnum;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.MinItems;
import dev.joule.ocpp.schema.MultipleOf;
import dev.joule.ocpp.schema.Nullable;
import dev.joule.ocpp.schema.Uri;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON schema of one OCPP record, read once from its components: names, types, which are
 * required (no {@link Nullable}) and their constraints. The codec reads and writes records through
 * it, so the record declarations are the single source of the message schemas.
 */
final class RecordSchema {
  private static final ClassValue<RecordSchema> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordSchema computeValue(Class<?> type) {
          return new RecordSchema(type);
        }
      };

  /** One record component. */
  record Field(String name, int index, FieldType type, boolean required, MethodHandle accessor) {}

  private final Class<?> type;
  private final Field[] fields;
  private final NameTable<Field> byName;
  private final MethodHandle constructor;

  static RecordSchema of(Class<?> type) {
    return CACHE.get(type);
  }

  private RecordSchema(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    if (components.length >= Long.SIZE) {
      throw new IllegalArgumentException(type.getName() + " has too many components");
    }
    fields = new Field[components.length];
    Map<String, Field> names = new HashMap<>();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        AnnotatedType annotated = c.getAnnotatedType();
        MethodHandle accessor =
            lookup
                .unreflect(c.getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
        fields[i] =
            new Field(
                c.getName(),
                i,
                fieldType(annotated),
                !annotated.isAnnotationPresent(Nullable.class),
                accessor);
        names.put(c.getName(), fields[i]);
        parameterTypes[i] = c.getType();
      }
      byName = new NameTable<>(names);
      constructor =
          lookup
              .unreflectConstructor(type.getDeclaredConstructor(parameterTypes))
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read record " + type.getName(), e);
    }
  }

  private static FieldType fieldType(AnnotatedType annotated) {
    Class<?> raw =
        annotated instanceof AnnotatedParameterizedType p
            ? (Class<?>) ((java.lang.reflect.ParameterizedType) p.getType()).getRawType()
            : (Class<?>) annotated.getType();
    if (raw == String.class) {
      MaxLength max = annotated.getAnnotation(MaxLength.class);
      return new FieldType.StringType(
          max == null ? Integer.MAX_VALUE : max.value(), annotated.isAnnotationPresent(Uri.class));
    }
    if (raw == int.class || raw == Integer.class) {
      Min min = annotated.getAnnotation(Min.class);
      return new FieldType.IntegerType(
          min == null ? Long.MIN_VALUE : min.value(), raw.isPrimitive());
    }
    if (raw == double.class || raw == Double.class) {
      MultipleOf step = annotated.getAnnotation(MultipleOf.class);
      return new FieldType.NumberType(step == null ? 0 : step.value(), raw.isPrimitive());
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return new FieldType.BooleanType(raw.isPrimitive());
    }
    if (raw == Instant.class) {
      return new FieldType.DateTimeType();
    }
    if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw)) {
      Map<String, WireEnum> byWire = new LinkedHashMap<>();
      for (Object constant : raw.getEnumConstants()) {
        byWire.put(((WireEnum) constant).wire(), (WireEnum) constant);
      }
      return new FieldType.EnumType(
          raw, new NameTable<>(byWire), String.join(", ", byWire.keySet()));
    }
    if (raw == List.class && annotated instanceof AnnotatedParameterizedType p) {
      MinItems min = annotated.getAnnotation(MinItems.class);
      return new FieldType.ArrayType(
          fieldType(p.getAnnotatedActualTypeArguments()[0]), min == null ? 0 : min.value());
    }
    if (raw.isRecord()) {
      return new FieldType.ObjectType(of(raw));
    }
    throw new IllegalArgumentException("unsupported OCPP field type " + annotated.getType());
  }

  Class<?> type() {
    return type;
  }

  Field[] fields() {
    return fields;
  }

  /** The component with this JSON name, or null. */
  Field field(String name) {
    return byName.get(name);
  }

  NameTable<Field> fieldNames() {
    return byName;
  }

  Object construct(Object[] arguments) {
    try {
      return (Object) constructor.invokeExact(arguments);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  Object get(Field field, Object record) {
    try {
      return (Object) field.accessor().invokeExact(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return type.getSimpleName()
        + List.of(fields).stream().map(Field::name).collect(Collectors.joining(", ", "(", ")"));
  }
}
