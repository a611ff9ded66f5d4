package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 ChargingProfile (Smart Charging profile). */
public record ChargingProfile(
    int chargingProfileId,
    @Nullable Integer transactionId,
    @Min(0) int stackLevel,
    ChargingProfilePurposeType chargingProfilePurpose,
    ChargingProfileKindType chargingProfileKind,
    @Nullable RecurrencyKindType recurrencyKind,
    @Nullable Instant validFrom,
    @Nullable Instant validTo,
    ChargingSchedule chargingSchedule) {}
