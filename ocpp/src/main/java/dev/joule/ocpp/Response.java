package dev.joule.ocpp;

/** The payload of an OCPP CALLRESULT: the response column of {@link Action}. */
public interface Response {}
