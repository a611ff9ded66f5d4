package dev.joule.processing;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.Side;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The dispatch table: one handler per charger-initiated action of the action table. An action
 * without a handler (a profile not implemented or disabled) is answered NotSupported.
 */
public final class Handlers {
  private final Map<Action, Handler<?>> byAction = new EnumMap<>(Action.class);

  public <Q extends Request> Handlers on(Action action, Class<Q> type, Handler<Q> handler) {
    if (action.requestType() != type || !action.direction().initiatedBy(Side.CHARGE_POINT)) {
      throw new IllegalArgumentException(action + " is not a charger action taking " + type);
    }
    byAction.put(action, handler);
    return this;
  }

  public Set<Action> actions() {
    return byAction.keySet();
  }

  @SuppressWarnings("unchecked")
  Response dispatch(CallContext context, Action action, Request request) {
    Handler<Request> handler = (Handler<Request>) byAction.get(action);
    if (handler == null) {
      throw new OcppViolation(
          ErrorCode.NOT_SUPPORTED, action.wire() + " is not supported by this central system");
    }
    return handler.handle(context, request);
  }
}
