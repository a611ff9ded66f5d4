package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 UnitOfMeasure (Core profile). */
public enum UnitOfMeasure implements WireEnum {
  WH("Wh"),
  KWH("kWh"),
  VARH("varh"),
  KVARH("kvarh"),
  W("W"),
  KW("kW"),
  VA("VA"),
  KVA("kVA"),
  VAR("var"),
  KVAR("kvar"),
  A("A"),
  V("V"),
  K("K"),
  CELCIUS("Celcius"),
  CELSIUS("Celsius"),
  FAHRENHEIT("Fahrenheit"),
  PERCENT("Percent");

  private final String wire;

  UnitOfMeasure(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
