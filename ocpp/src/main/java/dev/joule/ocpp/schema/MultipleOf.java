package dev.joule.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** JSON schema {@code multipleOf} for numbers (the 1.6 schemas use 0.1 for charging rates). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface MultipleOf {
  double value();
}
