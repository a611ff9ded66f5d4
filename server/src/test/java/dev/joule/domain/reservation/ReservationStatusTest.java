package dev.joule.domain.reservation;

import static dev.joule.domain.reservation.ReservationStatus.CANCELLED;
import static dev.joule.domain.reservation.ReservationStatus.EXPIRED;
import static dev.joule.domain.reservation.ReservationStatus.FAILED;
import static dev.joule.domain.reservation.ReservationStatus.OCCUPIED;
import static dev.joule.domain.reservation.ReservationStatus.PENDING;
import static dev.joule.domain.reservation.ReservationStatus.REJECTED;
import static dev.joule.domain.reservation.ReservationStatus.RESERVED;
import static dev.joule.domain.reservation.ReservationStatus.USED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservationStatusTest {
  /** ReserveNow.conf's status (OCPP 1.6 §7.43), not Joule's. */
  private static final Class<dev.joule.ocpp.message.reservation.ReservationStatus> ANSWER =
      dev.joule.ocpp.message.reservation.ReservationStatus.class;

  @Test
  void aPendingReservationMovesToTheChargersAnswer() {
    assertThat(ReservationStates.answer(ANSWER.getEnumConstants()[0])).isEqualTo(RESERVED);
    for (var answer : ANSWER.getEnumConstants()) {
      ReservationStatus next = ReservationStates.answer(answer);
      assertThat(PENDING.canBecome(next)).as(answer.wire()).isTrue();
      if (next != RESERVED) {
        assertThat(next.wire()).isEqualTo(answer.wire().toLowerCase(java.util.Locale.ROOT));
        assertThat(next.isFinal()).as(next.wire()).isTrue();
      }
    }
  }

  @Test
  void aReservedOneIsUsedExpiredOrCancelledAndThenNothingElse() {
    assertThat(RESERVED.canBecome(USED)).isTrue();
    assertThat(RESERVED.canBecome(EXPIRED)).isTrue();
    assertThat(RESERVED.canBecome(CANCELLED)).isTrue();
    assertThat(RESERVED.isFinal()).isFalse();
    for (ReservationStatus end : new ReservationStatus[] {USED, EXPIRED, CANCELLED, REJECTED}) {
      assertThat(end.isFinal()).as(end.wire()).isTrue();
      assertThat(end.isOpen()).as(end.wire()).isFalse();
    }
    assertThat(USED.canBecome(EXPIRED)).isFalse();
    assertThat(EXPIRED.canBecome(USED)).isFalse();
  }

  @Test
  void aRefusalDoesNotUndoAReservationTheChargerHolds() {
    assertThat(RESERVED.canBecome(REJECTED)).isFalse();
    assertThat(RESERVED.canBecome(OCCUPIED)).isFalse();
    assertThat(ReservationStates.from(OCCUPIED)).containsExactlyInAnyOrder("pending", "failed");
  }

  @Test
  void aReserveNowWithoutAnswerFailsButALateAnswerOrAStartStillCounts() {
    assertThat(PENDING.canBecome(FAILED)).isTrue();
    assertThat(FAILED.canBecome(RESERVED)).isTrue();
    assertThat(FAILED.canBecome(USED)).isTrue();
    assertThat(FAILED.isOpen()).isTrue();
    assertThat(ReservationStates.open()).containsExactlyInAnyOrder("pending", "reserved", "failed");
  }
}
