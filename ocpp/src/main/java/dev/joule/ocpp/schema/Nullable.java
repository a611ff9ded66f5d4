package dev.joule.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field is optional in the schema: {@code null} means absent on the wire. Fields without it are
 * required, and decoding fails with OccurenceConstraintViolation when they are missing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Nullable {}
