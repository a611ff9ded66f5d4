/**
 * Smart Charging as an operator uses it (OCPP 1.6 §3.13, §5.16): the rules a charging profile must
 * follow before it is sent ({@link ProfileRules}), and the composite schedule Joule computes from
 * the profiles a charger accepted ({@link CompositeSchedules}): both pure code, time from an
 * injected {@link java.time.Clock}. {@link ChargingProfiles} is the door the API uses: it reads the
 * store and sends through {@code domain.command.Commands}.
 */
package dev.joule.domain.smartcharging;
