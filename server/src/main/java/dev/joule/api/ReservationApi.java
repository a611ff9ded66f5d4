package dev.joule.api;

import dev.joule.domain.command.Command;
import dev.joule.domain.command.Commands;
import dev.joule.domain.reservation.Reservation;
import dev.joule.domain.reservation.ReservationStatus;
import dev.joule.domain.reservation.Reservations;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reservations (Reservation profile, OCPP 1.6 §5.13): {@code POST /reservations} creates one and
 * sends ReserveNow, {@code GET /reservations?chargerId=&status=} lists them newest first, {@code
 * GET /reservations/{id}} reads one, {@code DELETE /reservations/{id}[?wait=]} sends
 * CancelReservation. {@link #list}, {@link #create} and {@link #cancel} are the same steps for the
 * operator console: they block on JDBC.
 */
public final class ReservationApi {
  static final String RESERVATIONS = ReadApi.PREFIX + "/reservations";
  static final String RESERVATION = RESERVATIONS + "/:reservationId";
  static final String LIST = "reservations";

  private static final long BODY_LIMIT = 4 * 1024;

  private final Reservations reservations;
  private final Clock clock;
  private final Replies replies;

  public ReservationApi(Reservations reservations, Clock clock, Executor blocking) {
    this.reservations = reservations;
    this.clock = clock;
    this.replies = new Replies(blocking);
  }

  /** Adds the routes; mount before {@link ReadApi#mount}. */
  public void mount(Router router) {
    router
        .post(RESERVATIONS)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::create);
    router.get(RESERVATIONS).handler(this::list);
    router.get(RESERVATION).handler(this::one);
    router.delete(RESERVATION).handler(this::cancel);
  }

  /** The statuses a reservation may be in, wire values. */
  public static final List<String> STATUSES =
      Arrays.stream(ReservationStatus.values()).map(ReservationStatus::wire).toList();

  /** What DELETE answers: the reservation and the CancelReservation command sent for it. */
  public record Cancelling(ReservationView reservation, CommandView command) {}

  private void create(RoutingContext rc) {
    Query.of(rc);
    Buffer body = rc.body().buffer();
    Reservations.Request request =
        ReservationBody.parse(
            Json.readBody(body == null ? new byte[0] : body.getBytes()), clock.instant());
    replies.reply(
        rc,
        () -> {
          ReservationView created = create(request);
          return Reply.createdAt(RESERVATIONS + "/" + created.id(), created);
        });
  }

  /**
   * Creates a reservation from a form's values (empty: none; connector empty is 0, any), checked as
   * {@code POST /reservations} checks its body, and sends ReserveNow. {@code expiryDate} is an
   * ISO-8601 instant or a browser's {@code datetime-local} value, read as UTC.
   */
  public ReservationView createForm(
      String chargerId, String connectorId, String idTag, String parentIdTag, String expiryDate) {
    return create(
        ReservationBody.ofForm(
            chargerId, connectorId, idTag, parentIdTag, expiryDate, clock.instant()));
  }

  private ReservationView create(Reservations.Request request) {
    Reservation created =
        reservations
            .create(request)
            .orElseThrow(
                () ->
                    ApiException.badParameter(
                        "chargerId", "no charger '" + request.chargerId() + "' is known"));
    return ReservationView.of(created);
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    String raw = rc.pathParam("reservationId");
    replies.json(rc, () -> ReservationView.of(find(raw)));
  }

  private void cancel(RoutingContext rc) {
    Query query = Query.of(rc, "wait");
    Optional<Duration> wait = query.text("wait").map(CommandApi::waitDuration);
    String raw = rc.pathParam("reservationId");
    replies.reply(
        rc,
        () -> {
          Cancelling cancelling = cancel(raw, wait);
          return new Reply(
              cancelling.reservation().status().equals(ReservationStatus.CANCELLED.wire())
                  ? 200
                  : 202,
              cancelling);
        });
  }

  /**
   * Sends CancelReservation for reservation {@code raw} and waits up to {@code wait} for the
   * charger's answer; 404 if unknown, 409 if it is no longer cancellable.
   */
  public Cancelling cancel(String raw, Optional<Duration> wait) {
    Reservation reservation = find(raw);
    if (!reservation.status().canBecome(ReservationStatus.CANCELLED)) {
      throw ApiException.conflict(
          "reservation " + raw + " is " + reservation.status().wire() + ": nothing to cancel");
    }
    Commands.Submitted submitted = reservations.cancel(reservation);
    Command command = wait.map(w -> await(submitted, w)).orElse(submitted.command());
    Reservation now =
        reservations.find(reservation.chargerId(), reservation.id()).orElse(reservation);
    return new Cancelling(ReservationView.of(now), CommandView.of(command));
  }

  private static Command await(Commands.Submitted submitted, Duration wait) {
    try {
      return submitted.outcome().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return submitted.command();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return submitted.command();
    }
  }

  private void list(RoutingContext rc) {
    Query query = Query.ofList(rc, "chargerId", "status");
    Optional<String> chargerId = query.text("chargerId");
    Optional<ReservationStatus> status = query.text("status").map(ReservationApi::status);
    PageRequest page = query.page(LIST, 2);
    replies.json(rc, () -> list(chargerId, status, page));
  }

  /**
   * A page of {@code GET /reservations}, newest first; {@code status} empty or blank is any (a
   * form's "any"), else a wire value (a bad one is a 400 naming it).
   */
  public Page<ReservationView> list(
      Optional<String> chargerId, String status, int limit, Optional<String> cursor) {
    return list(
        chargerId,
        Params.present(status).map(ReservationApi::status),
        Reads.page(LIST, limit, cursor, 2));
  }

  private Page<ReservationView> list(
      Optional<String> chargerId, Optional<ReservationStatus> status, PageRequest page) {
    Optional<Integer> beforeId =
        page.isFirst() ? Optional.empty() : Optional.of((int) page.afterNumber(0));
    Optional<String> beforeCharger =
        page.isFirst() ? Optional.empty() : Optional.of(page.afterText(1));
    return page.page(
        reservations.list(chargerId, status, beforeId, beforeCharger, page.limit() + 1).stream()
            .map(ReservationView::of)
            .toList(),
        view -> List.of(Integer.toString(view.id()), view.chargerId()));
  }

  private Reservation find(String raw) {
    int id;
    try {
      id = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("reservation '" + raw + "'");
    }
    return reservations
        .find(id)
        .orElseThrow(() -> ApiException.notFound("reservation '" + raw + "'"));
  }

  private static ReservationStatus status(String wire) {
    return ReservationStatus.fromWire(wire)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "status",
                    "'"
                        + wire
                        + "' is not one of "
                        + Arrays.stream(ReservationStatus.values())
                            .map(ReservationStatus::wire)
                            .collect(Collectors.joining(", "))));
  }
}
