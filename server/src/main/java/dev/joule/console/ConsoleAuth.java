package dev.joule.console;

import dev.joule.domain.access.ApiTokens;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Login with an API token (the ones {@code /api/v1} accepts: {@code JOULE_API_TOKEN} or {@code
 * ./joule token create}), the session cookie, CSRF checks and logout.
 *
 * <p>The cookie is {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's
 * page sends it), {@code Secure} when the port speaks TLS, scoped to {@code /console}, with a
 * {@code Max-Age} of the session's lifetime. Every POST also carries the session's CSRF token (a
 * hidden field, or the {@code X-CSRF-Token} header htmx sends): without it the answer is 403 (OWASP
 * CSRF cheat sheet, synchronizer token). The login form, which has no session yet, uses a
 * double-submit token: a cookie set with the form that the POST must repeat.
 */
final class ConsoleAuth {
  static final String COOKIE = "joule_console";
  static final String LOGIN_COOKIE = "joule_console_login";
  static final String CSRF_FIELD = "csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String SESSION_KEY = "console.session";

  private final Sessions sessions;
  private final ApiTokens tokens;
  private final Supplier<String> randomTokens;
  private final Pages pages;
  private final LoginThrottle throttle;
  private final boolean secure;

  ConsoleAuth(
      Sessions sessions,
      ApiTokens tokens,
      Supplier<String> randomTokens,
      Pages pages,
      LoginThrottle throttle,
      boolean secure) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.randomTokens = randomTokens;
    this.pages = pages;
    this.throttle = throttle;
    this.secure = secure;
  }

  /**
   * Before every console route but login and assets: a live session whose token is still valid (a
   * revoked token's sessions end at their next request), and on POST its CSRF token.
   */
  void requireSession(RoutingContext rc) {
    Optional<Session> session =
        Optional.ofNullable(rc.request().getCookie(COOKIE))
            .flatMap(cookie -> sessions.find(cookie.getValue()));
    if (session.isEmpty()) {
      noSession(rc);
      return;
    }
    if (rc.request().method() == HttpMethod.POST && !csrfOffered(rc, session.get())) {
      pages.send(
          rc, pages.error(403, "missing or wrong CSRF token: reload the page and try again"));
      return;
    }
    rc.put(SESSION_KEY, session.get());
    if (tokens.knownValid(session.get().token())) {
      rc.next();
      return;
    }
    // The session's token was revoked, or is not checked recently: ask, off the event loop.
    rc.request().pause();
    pages.offLoop(
        rc,
        () -> tokens.isValidFingerprint(session.get().token()),
        valid -> {
          rc.request().resume();
          if (valid) {
            rc.next();
          } else {
            sessions.close(session.get().id());
            noSession(rc);
          }
        });
  }

  private void noSession(RoutingContext rc) {
    if (rc.request().getHeader("HX-Request") != null) {
      // htmx follows HX-Redirect with a full page load: the login form, not a fragment of it.
      rc.response().putHeader("HX-Redirect", Console.LOGIN);
      pages.send(rc, pages.error(401, "session ended: log in again"));
    } else if (rc.request().method() == HttpMethod.GET) {
      Pages.seeOther(rc, Console.LOGIN);
    } else {
      pages.send(rc, pages.error(401, "no session: log in at " + Console.LOGIN));
    }
  }

  static Session session(RoutingContext rc) {
    return rc.get(SESSION_KEY);
  }

  private static boolean csrfOffered(RoutingContext rc, Session session) {
    String offered = rc.request().getHeader(CSRF_HEADER);
    if (offered == null) {
      offered = rc.request().getFormAttribute(CSRF_FIELD);
    }
    return Sessions.csrfMatches(session, offered);
  }

  void loginForm(RoutingContext rc) {
    showLogin(rc, 200, Optional.empty());
  }

  private void showLogin(RoutingContext rc, int status, Optional<String> problem) {
    String csrf = randomTokens.get();
    rc.response()
        .addCookie(cookie(LOGIN_COOKIE, csrf, Console.LOGIN).setMaxAge(Sessions.IDLE.toSeconds()));
    pages.send(
        rc,
        new Rendered(
            status,
            pages
                .templates()
                .render(
                    "login",
                    Map.of(
                        "csrf", csrf, "problem", problem.orElse(""), "status", Console.STATUS))));
  }

  void login(RoutingContext rc) {
    String address = address(rc);
    Optional<Duration> refused = throttle.refusal(address);
    if (refused.isPresent()) {
      long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
      rc.response().putHeader("Retry-After", Long.toString(seconds));
      showLogin(
          rc,
          429,
          Optional.of(
              "Too many failed logins from this address ("
                  + LoginThrottle.MAX_FAILURES
                  + " in "
                  + LoginThrottle.WINDOW.toSeconds()
                  + " s): try again in "
                  + seconds
                  + " s."));
      return;
    }
    Cookie expected = rc.request().getCookie(LOGIN_COOKIE);
    String offered = rc.request().getFormAttribute(CSRF_FIELD);
    if (expected == null || offered == null || !Sessions.sameToken(expected.getValue(), offered)) {
      pages.send(rc, pages.error(403, "missing or wrong CSRF token: reload the login page"));
      return;
    }
    String token = Optional.ofNullable(rc.request().getFormAttribute("token")).orElse("").trim();
    if (token.isEmpty()) {
      showLogin(rc, 400, Optional.of("Enter an API token."));
      return;
    }
    pages.offLoop(
        rc,
        () -> tokens.isValid(token),
        valid -> {
          if (!valid) {
            throttle.failed(address);
            showLogin(rc, 401, Optional.of("That token is not valid."));
            return;
          }
          Session session = sessions.open(ApiTokens.fingerprint(token));
          rc.response()
              .addCookie(
                  cookie(COOKIE, session.id(), Console.ROOT)
                      .setMaxAge(Sessions.LIFETIME.toSeconds()))
              .addCookie(cookie(LOGIN_COOKIE, "", Console.LOGIN).setMaxAge(0));
          Pages.seeOther(rc, Console.CHARGERS);
        });
  }

  /** The source address of the connection (not a forwarded header, which a client can write). */
  private static String address(RoutingContext rc) {
    var remote = rc.request().remoteAddress();
    return remote == null ? "unknown" : String.valueOf(remote.host());
  }

  void logout(RoutingContext rc) {
    sessions.close(session(rc).id());
    rc.response().addCookie(cookie(COOKIE, "", Console.ROOT).setMaxAge(0));
    Pages.seeOther(rc, Console.LOGIN);
  }

  private Cookie cookie(String name, String value, String path) {
    return Cookie.cookie(name, value)
        .setPath(path)
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secure);
  }
}
