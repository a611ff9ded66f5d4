package dev.joule.security;

/**
 * The {@code security-profile} and {@code admission} keys (docs/configuration.md).
 *
 * @param minimum the lowest profile accepted: every charger is held to at least this one
 * @param admission who may connect without a registration
 */
public record SecuritySettings(SecurityProfile minimum, AdmissionPolicy admission) {}
