package dev.joule.domain.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservationMatchTest {
  private static final Instant EXPIRY = Instant.parse("2026-12-07T12:00:00Z");
  private static final Instant BEFORE = EXPIRY.minusSeconds(60);

  private static ReservationMatch.Candidate reservation(
      int id, int connector, String idTag, String parent, ReservationStatus status) {
    return new ReservationMatch.Candidate(
        id, connector, idTag, Optional.ofNullable(parent), EXPIRY, status);
  }

  private static ReservationMatch.Start start(
      int connector, String idTag, String parent, Integer reservationId, Instant at) {
    return new ReservationMatch.Start(
        connector, idTag, Optional.ofNullable(parent), Optional.ofNullable(reservationId), at);
  }

  private static Optional<Integer> match(
      List<ReservationMatch.Candidate> candidates, ReservationMatch.Start start) {
    return ReservationMatch.of(candidates, start).map(ReservationMatch.Candidate::reservationId);
  }

  @Test
  void aStartNamingTheReservationUsesItWhateverTheIdTag() {
    var candidates =
        List.of(
            reservation(7, 1, "TAG-A", null, ReservationStatus.RESERVED),
            reservation(8, 2, "TAG-B", null, ReservationStatus.RESERVED));
    assertThat(match(candidates, start(2, "OTHER", null, 8, BEFORE))).contains(8);
    assertThat(match(candidates, start(2, "TAG-B", null, 99, BEFORE))).isEmpty();
  }

  @Test
  void withoutAReservationIdTheIdTagMatchesCaseInsensitivelyOnItsConnectorOrAny() {
    var candidates =
        List.of(
            reservation(7, 1, "TAG-A", null, ReservationStatus.RESERVED),
            reservation(9, 0, "tag-z", null, ReservationStatus.RESERVED));
    assertThat(match(candidates, start(1, "tag-a", null, null, BEFORE))).contains(7);
    assertThat(match(candidates, start(2, "TAG-A", null, null, BEFORE))).isEmpty();
    assertThat(match(candidates, start(3, "TAG-Z", null, null, BEFORE))).contains(9);
  }

  @Test
  void aReservationWithAParentIsUsedByAnyIdTagOfThatParent() {
    var candidates = List.of(reservation(7, 1, "TAG-A", "FLEET", ReservationStatus.RESERVED));
    assertThat(match(candidates, start(1, "TAG-B", "fleet", null, BEFORE))).contains(7);
    assertThat(match(candidates, start(1, "TAG-B", "OTHER", null, BEFORE))).isEmpty();
    assertThat(match(candidates, start(1, "TAG-B", null, null, BEFORE))).isEmpty();
    // without a parent on the reservation the tag's own parent does not count
    var noParent = List.of(reservation(8, 1, "TAG-A", null, ReservationStatus.RESERVED));
    assertThat(match(noParent, start(1, "TAG-B", "TAG-A", null, BEFORE))).isEmpty();
  }

  @Test
  void anExpiredOrFinalReservationIsNotUsed() {
    var candidates =
        List.of(
            reservation(7, 1, "TAG-A", null, ReservationStatus.RESERVED),
            reservation(8, 1, "TAG-B", null, ReservationStatus.CANCELLED));
    assertThat(match(candidates, start(1, "TAG-A", null, null, EXPIRY))).isEmpty();
    assertThat(match(candidates, start(1, "TAG-B", null, null, BEFORE))).isEmpty();
    assertThat(match(candidates, start(1, "TAG-B", null, 8, BEFORE))).isEmpty();
  }

  @Test
  void theConnectorsOwnReservationWinsOverOneForAnyConnectorThenTheOldest() {
    var candidates =
        List.of(
            reservation(5, 0, "TAG-A", null, ReservationStatus.RESERVED),
            reservation(12, 2, "TAG-A", null, ReservationStatus.PENDING),
            reservation(11, 2, "TAG-A", null, ReservationStatus.RESERVED));
    assertThat(match(candidates, start(2, "TAG-A", null, null, BEFORE))).contains(11);
    assertThat(match(candidates, start(1, "TAG-A", null, null, BEFORE))).contains(5);
  }
}
