package dev.joule.domain.command;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.message.core.ChangeConfigurationRequest;
import dev.joule.ocpp.message.core.ChangeConfigurationResponse;
import dev.joule.ocpp.message.core.ConfigurationStatus;
import dev.joule.ocpp.message.core.GetConfigurationResponse;
import dev.joule.ocpp.message.core.KeyValue;
import dev.joule.store.CommandRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * What an answered command implies beyond its own row, recorded in the same transaction: the
 * charger's known configuration from GetConfiguration (every key it reported) and
 * ChangeConfiguration (the key and value, when Accepted or RebootRequired).
 */
final class SideEffects {
  private final CommandRepository repository;

  SideEffects(CommandRepository repository) {
    this.repository = repository;
  }

  void apply(
      Connection connection,
      String chargerId,
      Action action,
      Request request,
      Response response,
      Instant at) {
    switch (response) {
      case GetConfigurationResponse got when got.configurationKey() != null -> {
        for (KeyValue key : got.configurationKey()) {
          repository.putConfiguration(
              connection,
              chargerId,
              key.key(),
              Optional.ofNullable(key.value()),
              Optional.of(key.readonly()),
              at);
        }
      }
      case ChangeConfigurationResponse changed
          when changed.status() == ConfigurationStatus.ACCEPTED
              || changed.status() == ConfigurationStatus.REBOOT_REQUIRED -> {
        ChangeConfigurationRequest change = (ChangeConfigurationRequest) request;
        repository.putConfiguration(
            connection, chargerId, change.key(), Optional.of(change.value()), Optional.empty(), at);
      }
      default -> {
        // no side effect for this action (yet)
      }
    }
  }
}
