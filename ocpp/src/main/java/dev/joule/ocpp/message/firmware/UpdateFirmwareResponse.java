package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Response;

/** OCPP 1.6 UpdateFirmware.conf (Firmware Management profile, central system to charge point). */
public record UpdateFirmwareResponse() implements Response {}
