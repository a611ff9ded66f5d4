package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.util.List;

/** OCPP 1.6 GetConfiguration.req (Core profile, central system to charge point). */
public record GetConfigurationRequest(@Nullable List<@MaxLength(50) String> key)
    implements Request {
  public GetConfigurationRequest {
    key = key == null ? null : List.copyOf(key);
  }
}
