package dev.joule.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {
  @Test
  void keyRoundTripsWhateverItsCharacters() {
    List<String> key = List.of("CP:01 A/\"ü\"\n", "2026-11-24T10:15:30.123456Z");

    String token = Cursor.encode("chargers", key);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode("chargers", token, 2)).isEqualTo(key);
  }

  @Test
  void tokenOfAnotherListIsRejectedNamingCursor() {
    String token = Cursor.encode("id-tags", List.of("abc"));

    assertThatThrownBy(() -> Cursor.decode("chargers", token, 1))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("cursor: not a cursor of this list");
  }

  @Test
  void tokenWithWrongNumberOfPartsIsRejected() {
    String token = Cursor.encode("transactions", List.of("2026-11-24T10:15:30Z"));

    assertThatThrownBy(() -> Cursor.decode("transactions", token, 2))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void tokenThatIsNoBase64JsonIsRejected() {
    assertThatThrownBy(() -> Cursor.decode("chargers", "%%%", 1)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Cursor.decode("chargers", "bm90IGpzb24", 1))
        .isInstanceOf(ApiException.class);
  }
}
