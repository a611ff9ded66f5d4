package dev.joule.it;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementProfile;
import eu.chargetime.ocpp.model.firmware.FirmwareStatus;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareConfirmation;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The independent eu.chargetime client as a charger of a firmware campaign: it accepts
 * UpdateFirmware through its Firmware Management profile, then reports Downloading, Downloaded,
 * Installing and Installed with that profile's FirmwareStatusNotification, one after the other.
 */
final class ChargetimeFirmware implements AutoCloseable {
  private final JSONClient client;
  private final List<String> updates = new CopyOnWriteArrayList<>();

  private ChargetimeFirmware(JSONClient client) {
    this.client = client;
  }

  static ChargetimeFirmware connect(JouleServer joule, String chargerId) throws Exception {
    ClientCoreProfile core =
        new ClientCoreProfile(
            (ClientCoreEventHandler)
                Proxy.newProxyInstance(
                    ChargetimeFirmware.class.getClassLoader(),
                    new Class<?>[] {ClientCoreEventHandler.class},
                    (proxy, method, args) -> {
                      throw new UnsupportedOperationException(method.getName());
                    }));
    JSONClient client = new JSONClient(core);
    ChargetimeFirmware charger = new ChargetimeFirmware(client);
    ClientFirmwareManagementProfile[] firmware = new ClientFirmwareManagementProfile[1];
    firmware[0] =
        new ClientFirmwareManagementProfile(
            (ClientFirmwareManagementEventHandler)
                Proxy.newProxyInstance(
                    ChargetimeFirmware.class.getClassLoader(),
                    new Class<?>[] {ClientFirmwareManagementEventHandler.class},
                    (proxy, method, args) -> {
                      if (!method.getName().equals("handleUpdateFirmwareRequest")) {
                        throw new UnsupportedOperationException(method.getName());
                      }
                      charger.updates.add(((UpdateFirmwareRequest) args[0]).getLocation());
                      // after the answer, not from the client's own thread that sends it
                      CompletableFuture.runAsync(() -> charger.report(firmware[0]));
                      return new UpdateFirmwareConfirmation();
                    }));
    client.addFeatureProfile(firmware[0]);
    CompletableFuture<Void> opened = new CompletableFuture<>();
    client.connect(
        joule.url(chargerId),
        new ClientEvents() {
          @Override
          public void connectionOpened() {
            opened.complete(null);
          }

          @Override
          public void connectionClosed() {}
        });
    opened.get(10, TimeUnit.SECONDS);
    return charger;
  }

  private void report(ClientFirmwareManagementProfile profile) {
    try {
      for (FirmwareStatus status :
          List.of(
              FirmwareStatus.Downloading,
              FirmwareStatus.Downloaded,
              FirmwareStatus.Installing,
              FirmwareStatus.Installed)) {
        client
            .send(profile.createFirmwareStatusNotificationRequest(status))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("FirmwareStatusNotification not answered", e);
    }
  }

  /** The locations of the UpdateFirmware requests it received. */
  List<String> updates() {
    return List.copyOf(updates);
  }

  @Override
  public void close() {
    client.disconnect();
  }
}
