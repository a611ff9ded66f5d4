package dev.joule.gateway;

/**
 * Decides whether a charger may connect (OCPP-J §3.1: unknown identity gets HTTP 404). Called
 * before the upgrade, off the event loop: implementations may query the database.
 */
public interface Admission {
  boolean admit(String chargerId);
}
