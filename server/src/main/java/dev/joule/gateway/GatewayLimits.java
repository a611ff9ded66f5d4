package dev.joule.gateway;

/**
 * What one misbehaving charger or source address may cost the gateway (docs/configuration.md,
 * "Hardening"). Zero turns a limit off.
 *
 * @param frameRate text frames per second one connection may send: a CALL beyond it is answered
 *     with CALLERROR GenericError and not processed; beyond twice it the connection is closed with
 *     1008 (policy violation)
 * @param maxConnections connections this gateway holds at most; a handshake beyond gets HTTP 503
 * @param handshakeRate WebSocket handshakes per second one source address may open; beyond it HTTP
 *     429
 */
public record GatewayLimits(int frameRate, int maxConnections, int handshakeRate) {
  /** No limits (tests of other things). */
  public static final GatewayLimits NONE = new GatewayLimits(0, 0, 0);

  public GatewayLimits {
    if (frameRate < 0 || maxConnections < 0 || handshakeRate < 0) {
      throw new IllegalArgumentException("limits are zero (off) or positive");
    }
  }
}
