package dev.joule.security;

/** Who may connect: the {@code admission} key (docs/configuration.md). */
public enum AdmissionPolicy {
  /** Any identity may connect and is recorded on first connection (security-profile 0 only). */
  AUTO_REGISTER,
  /** Only chargers already registered; others get HTTP 404 (the default from profile 1). */
  KNOWN_ONLY,
  /**
   * Known chargers as with known-only; an unknown one that passes the profile's check without a
   * registration (a profile-3 client certificate from the trusted CA with CN = identity, or anyone
   * at profile 0) is recorded as pending: its BootNotification is answered Pending until an
   * operator accepts it ({@code POST /api/v1/chargers/{id}/accept}).
   */
  PENDING
}
