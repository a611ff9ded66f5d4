package dev.joule.bus;

import dev.joule.ocpp.json.Frame;
import java.time.Instant;

/**
 * A CALL a charger sent, on its way from the gateway that holds the connection to whichever
 * processor leases it.
 *
 * @param chargerId charge point identity
 * @param gateway node id of the gateway holding the connection; replies go there
 * @param connectionEpoch which connection of this charger sent it (a reconnect starts a new epoch)
 * @param call the validated CALL
 * @param receivedAt when the gateway received the frame; with the call id it identifies a delivery
 */
public record InboxMessage(
    String chargerId, String gateway, long connectionEpoch, Frame.Call call, Instant receivedAt) {}
