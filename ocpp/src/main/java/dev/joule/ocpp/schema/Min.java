package dev.joule.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Smallest allowed integer. The 1.6 JSON schemas carry no numeric ranges; these come from the
 * specification's field tables (e.g. StartTransaction.req "connectorId &gt; 0").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Min {
  long value();
}
