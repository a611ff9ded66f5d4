package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.util.List;

/** OCPP 1.6 GetConfiguration.conf (Core profile, central system to charge point). */
public record GetConfigurationResponse(
    @Nullable List<KeyValue> configurationKey, @Nullable List<@MaxLength(50) String> unknownKey)
    implements Response {
  public GetConfigurationResponse {
    configurationKey = configurationKey == null ? null : List.copyOf(configurationKey);
    unknownKey = unknownKey == null ? null : List.copyOf(unknownKey);
  }
}
