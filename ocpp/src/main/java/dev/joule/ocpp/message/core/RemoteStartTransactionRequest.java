package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 RemoteStartTransaction.req (Core profile, central system to charge point). */
public record RemoteStartTransactionRequest(
    @Nullable @Min(1) Integer connectorId,
    @MaxLength(20) String idTag,
    @Nullable ChargingProfile chargingProfile)
    implements Request {}
