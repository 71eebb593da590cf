package club.twinning.notification.service;

/**
 * An email's HTML part as US-ASCII, so that it goes out as 7bit instead of quoted-printable: Vert.x's encoder appends
 * a string per byte and took 9 % of notification-service's CPU, for emails that are mostly French or Arabic. Every
 * character past ASCII becomes a numeric character reference ({@code &#1575;}), which HTML reads as the character.
 * A 7bit line may not pass 998 characters, and references make Arabic lines 7 times longer: a long line is broken at
 * a space between a tag's attributes, where a line break changes nothing (not in text: the quotes keep the user's
 * line breaks with pre-wrap). A line still too long, or a character 7bit may not carry, keeps quoted-printable.
 */
final class SevenBitHtml {

    /** Lines are broken from here on, at the next space between attributes. */
    private static final int BREAK_AFTER = 600;
    private static final int MAX_LINE = 998;

    private SevenBitHtml() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder(html.length() + html.length() / 2);
        boolean inTag = false;
        char quote = 0;
        int lineStart = 0;
        for (int i = 0; i < html.length(); ) {
            int c = html.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                if (out.length() - lineStart > MAX_LINE) {
                    return html;
                }
                out.append('\n');
                lineStart = out.length();
                continue;
            }
            if (c < 32 && c != '\t' || c == 127) {
                return html; // CR and other controls: quoted-printable carries them
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (inTag && (c == '"' || c == '\'')) {
                quote = (char) c;
            } else if (c == '<' || c == '>') {
                inTag = c == '<';
            } else if (inTag && c == ' ' && out.length() - lineStart >= BREAK_AFTER) {
                out.append('\n');
                lineStart = out.length();
                continue;
            }
            if (c < 128) {
                out.append((char) c);
            } else {
                out.append("&#").append(c).append(';');
            }
        }
        return out.length() - lineStart > MAX_LINE ? html : out.toString();
    }
}
