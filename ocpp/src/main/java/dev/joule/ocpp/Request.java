package dev.joule.ocpp;

/**
 * The payload of an OCPP CALL. The closed set of implementations is the request column of {@link
 * Action}; the records live in one package per feature profile, so the interface cannot be sealed
 * without a module descriptor.
 */
public interface Request {}
