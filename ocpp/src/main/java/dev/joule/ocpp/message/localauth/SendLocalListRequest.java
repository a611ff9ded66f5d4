package dev.joule.ocpp.message.localauth;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Nullable;
import java.util.List;

/**
 * OCPP 1.6 SendLocalList.req (Local Auth List Management profile, central system to charge point).
 */
public record SendLocalListRequest(
    int listVersion,
    @Nullable List<AuthorizationData> localAuthorizationList,
    UpdateType updateType)
    implements Request {
  public SendLocalListRequest {
    localAuthorizationList =
        localAuthorizationList == null ? null : List.copyOf(localAuthorizationList);
  }
}
