package dev.joule.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
  private final AtomicInteger next = new AtomicInteger();
  private final Sessions sessions = new Sessions(clock, () -> "token-" + next.incrementAndGet());

  @Test
  void aSessionIsFoundByItsIdWithItsOwnCsrfToken() {
    Session session = sessions.open("token-fingerprint");
    assertThat(session.id()).isNotEqualTo(session.csrf());
    assertThat(sessions.find(session.id()))
        .hasValueSatisfying(s -> assertThat(s.csrf()).isEqualTo(session.csrf()));
    assertThat(sessions.find(session.csrf())).as("the CSRF token is no session id").isEmpty();
  }

  @Test
  void aSessionEndsAfterThirtyIdleMinutes() {
    Session session = sessions.open("token-fingerprint");
    clock.advance(Sessions.IDLE.minusSeconds(1));
    assertThat(sessions.find(session.id())).isPresent();
    clock.advance(Sessions.IDLE.minusSeconds(1));
    assertThat(sessions.find(session.id())).as("renewed by the request before").isPresent();
    clock.advance(Sessions.IDLE);
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void anActiveSessionStillEndsTwelveHoursAfterTheLogin() {
    Session session = sessions.open("token-fingerprint");
    Duration step = Duration.ofMinutes(20);
    for (Duration used = Duration.ZERO;
        used.plus(step).compareTo(Sessions.LIFETIME) < 0;
        used = used.plus(step)) {
      clock.advance(step);
      assertThat(sessions.find(session.id())).isPresent();
    }
    clock.advance(step);
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void logoutEndsTheSession() {
    Session session = sessions.open("token-fingerprint");
    sessions.close(session.id());
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void onlyTheSessionsOwnCsrfTokenMatches() {
    Session session = sessions.open("token-fingerprint");
    Session other = sessions.open("token-fingerprint");
    assertThat(Sessions.csrfMatches(session, session.csrf())).isTrue();
    assertThat(Sessions.csrfMatches(session, other.csrf())).isFalse();
    assertThat(Sessions.csrfMatches(session, null)).isFalse();
    assertThat(Sessions.csrfMatches(session, "")).isFalse();
    assertThat(Sessions.csrfMatches(session, session.csrf() + "x")).isFalse();
  }

  @Test
  void randomTokensAreLongAndDoNotRepeat() {
    RandomTokens random = new RandomTokens();
    String a = random.get();
    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(random.get()).isNotEqualTo(a);
  }
}
