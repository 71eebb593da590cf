package club.twinning.notification.service;

import io.quarkus.qute.RawString;
import java.util.regex.Pattern;

/**
 * Mixed-direction text: every name, title or user's text put into a sentence is isolated (FSI … PDI), so that an
 * Arabic name in a French sentence, or a French title in an Arabic one, does not reorder its neighbours. In HTML the
 * isolates become {@code <bdi>}.
 */
public final class Bidi {

    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';
    /** Embeddings, overrides and isolates a user typed: dropped, so they can neither leak nor unbalance ours. */
    private static final Pattern CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private Bidi() {
    }

    public static String isolate(String text) {
        return text == null ? null : FSI + clean(text) + PDI;
    }

    public static String clean(String text) {
        return text == null ? null : CONTROLS.matcher(text).replaceAll("");
    }

    /** Plain text with isolates → escaped HTML with {@code <bdi>}. */
    public static RawString html(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (char c : text.toCharArray()) {
            switch (c) {
                case FSI -> out.append("<bdi>");
                case PDI -> out.append("</bdi>");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("<br>");
                default -> out.append(c);
            }
        }
        return new RawString(out.toString());
    }
}
