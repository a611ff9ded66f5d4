package dev.joule.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps AuthorizationKeys out of what Joule stores and shows: the message log and command payloads.
 * A ChangeConfiguration (or a GetConfiguration answer) carrying key {@code AuthorizationKey} keeps
 * its shape with the value replaced by {@value #REDACTED}.
 */
public final class Secrets {
  public static final String REDACTED = "***";

  private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";
  private static final String KEY =
      "\"key\"\\s*:\\s*\"" + AuthorizationKey.CONFIGURATION_KEY + "\"";

  /** The value after the key, or before it, within one JSON object (no nested braces). */
  private static final Pattern AFTER =
      Pattern.compile("(" + KEY + "[^{}]*?\"value\"\\s*:\\s*)" + STRING, Pattern.CASE_INSENSITIVE);

  private static final Pattern BEFORE =
      Pattern.compile(
          "(\"value\"\\s*:\\s*)" + STRING + "([^{}]*?" + KEY + ")", Pattern.CASE_INSENSITIVE);

  private Secrets() {}

  private static boolean mentionsKey(String json) {
    String name = AuthorizationKey.CONFIGURATION_KEY;
    for (int i = json.indexOf('"'); i >= 0 && i + name.length() < json.length(); i++) {
      char c = json.charAt(i + 1);
      if ((c == 'A' || c == 'a') && json.regionMatches(true, i + 1, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@code json} (a frame or a payload) with every AuthorizationKey value redacted. */
  public static String redact(String json) {
    if (!mentionsKey(json)) {
      return json; // every frame passes here on the event loop: one scan, no copy, no regex
    }
    String redacted =
        AFTER.matcher(json).replaceAll("$1\"" + Matcher.quoteReplacement(REDACTED) + "\"");
    return BEFORE
        .matcher(redacted)
        .replaceAll("$1\"" + Matcher.quoteReplacement(REDACTED) + "\"$2");
  }
}
