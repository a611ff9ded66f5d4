package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ReadingContext (Core profile). */
public enum ReadingContext implements WireEnum {
  INTERRUPTION_BEGIN("Interruption.Begin"),
  INTERRUPTION_END("Interruption.End"),
  SAMPLE_CLOCK("Sample.Clock"),
  SAMPLE_PERIODIC("Sample.Periodic"),
  TRANSACTION_BEGIN("Transaction.Begin"),
  TRANSACTION_END("Transaction.End"),
  TRIGGER("Trigger"),
  OTHER("Other");

  private final String wire;

  ReadingContext(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
