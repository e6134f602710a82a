package io.socialcare.response.client;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Decides whether a post listed by a platform is the text we sent. The platforms give back no marker of ours (their
 * APIs take no idempotency key, and an invisible marker in the text would reach the customer), so a lookup matches on
 * what the customer sees anyway: the same text, by our account, in reply to the same post, created after the attempt.
 * The comparison forgives what the platforms change in a text they show: X's HTML escapes ({@code &amp;},
 * {@code &lt;}, {@code &gt;}), links rewritten by a shortener, the {@code @handle} X puts before a reply, Unicode
 * normalisation and runs of white space.
 */
public final class PostMatcher {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_HANDLES = Pattern.compile("^(@\\w+\\s+)+");

    private PostMatcher() {
    }

    /** True when the platform's {@code shown} text is the {@code sent} text. */
    public static boolean sameText(String sent, String shown) {
        if (sent == null || shown == null) {
            return false;
        }
        String ours = normalise(sent);
        String theirs = normalise(shown);
        if (ours.equals(theirs)) {
            return true;
        }
        return !ours.startsWith("@") && LEADING_HANDLES.matcher(theirs).replaceFirst("").equals(ours);
    }

    static String normalise(String text) {
        String unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        String composed = Normalizer.normalize(unescaped, Normalizer.Form.NFC);
        return SPACE.matcher(URL.matcher(composed).replaceAll("<link>")).replaceAll(" ").strip();
    }
}
