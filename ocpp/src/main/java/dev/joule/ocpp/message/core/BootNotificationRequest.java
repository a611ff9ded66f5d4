package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 BootNotification.req (Core profile, charge point to central system). */
public record BootNotificationRequest(
    @MaxLength(20) String chargePointVendor,
    @MaxLength(20) String chargePointModel,
    @Nullable @MaxLength(25) String chargePointSerialNumber,
    @Nullable @MaxLength(25) String chargeBoxSerialNumber,
    @Nullable @MaxLength(50) String firmwareVersion,
    @Nullable @MaxLength(20) String iccid,
    @Nullable @MaxLength(20) String imsi,
    @Nullable @MaxLength(25) String meterType,
    @Nullable @MaxLength(25) String meterSerialNumber)
    implements Request {}
