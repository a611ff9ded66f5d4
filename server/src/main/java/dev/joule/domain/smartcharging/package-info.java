/**
 * Smart Charging as an operator uses it (OCPP 1.6 §3.13, §5.16): the rules a charging profile must
 * follow before it is sent ({@link ProfileRules}), and the composite schedule Joule computes from
 * the profiles a charger accepted ({@link CompositeSchedules}). Pure code: no I/O, time from an
 * injected {@link java.time.Clock}.
 */
package dev.joule.domain.smartcharging;
