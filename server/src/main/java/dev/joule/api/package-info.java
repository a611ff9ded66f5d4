/**
 * The HTTP API under {@code /api/v1}. {@link dev.joule.api.ReadApi} is the door: everything else is
 * package-private.
 *
 * <p>Per resource, a {@code *Routes} class parses and validates the request on the event loop and a
 * {@code *Queries} or {@code *Store} class does the JDBC on the blocking executor. The {@code
 * *View} records are the JSON shapes: their components are the JSON field names, and a null
 * component is a JSON {@code null} (a field the charger never reported). They never leave this
 * package, so the house rule "no null in public APIs" holds at the package's door; OCPP records are
 * never written to clients.
 */
package dev.joule.api;
