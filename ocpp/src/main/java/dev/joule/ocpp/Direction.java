package dev.joule.ocpp;

/** Which party may initiate an action (send its CALL). */
public enum Direction {
  CHARGE_POINT_TO_CENTRAL_SYSTEM,
  CENTRAL_SYSTEM_TO_CHARGE_POINT,
  BOTH;

  public boolean initiatedBy(Side side) {
    return switch (this) {
      case CHARGE_POINT_TO_CENTRAL_SYSTEM -> side == Side.CHARGE_POINT;
      case CENTRAL_SYSTEM_TO_CHARGE_POINT -> side == Side.CENTRAL_SYSTEM;
      case BOTH -> true;
    };
  }
}
