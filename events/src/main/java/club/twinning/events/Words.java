package club.twinning.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's words for the codes its events and APIs carry (statuses, a city's role, cooperation domains) in fr,
 * ar or en, from words_{fr,ar,en}.properties beside this class: the one place the emails and the portal take them
 * from. A word reads as inside a sentence ("the request is approved"); {@link #label} capitalises it for a heading or
 * a badge. A code without a word reads as the code itself; any other language reads as French (as the domains did).
 */
public final class Words {

    /** What a status belongs to: its words agree with it (French and Arabic genders differ: accord, demande, visite). */
    public enum Kind {
        AGREEMENT, REQUEST, VISIT, DELIVERY;

        String prefix() {
            return name().toLowerCase(Locale.ROOT) + ".";
        }
    }

    private static final Map<String, Words> LANGUAGES = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final Properties words;

    private Words(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.words = load(language);
    }

    /** The words of fr, ar or en; French for null or any other language. */
    public static Words of(String language) {
        String known = "ar".equals(language) || "en".equals(language) ? language : "fr";
        return LANGUAGES.computeIfAbsent(known, Words::new);
    }

    public String language() {
        return language;
    }

    /** The status's word (null for null, the code when it has none). */
    public String status(Kind kind, String code) {
        return word(kind.prefix(), code);
    }

    /** For a page that knows only the code: the first kind (agreement, request, visit, delivery) with a word for it. */
    public String status(String code) {
        return code == null ? null : Arrays.stream(Kind.values()).map(k -> words.getProperty(k.prefix() + code))
                .filter(Objects::nonNull).findFirst().orElse(code);
    }

    /** A city's role in a request or a visit: requesting, partner, host, visiting. */
    public String role(String role) {
        return word("role.", role);
    }

    /** A cooperation domain's name, by its code (see {@link CooperationDomain}). */
    public String domain(String code) {
        return word("domain.", code);
    }

    /** The word as a label: its first letter capitalised in the language (Arabic has no capitals). */
    public String label(String word) {
        return word == null || word.isEmpty() ? word : word.substring(0, 1).toUpperCase(locale) + word.substring(1);
    }

    private String word(String prefix, String code) {
        return code == null ? null : words.getProperty(prefix + code, code);
    }

    private static Properties load(String language) {
        Properties words = new Properties();
        try (InputStream in = Words.class.getResourceAsStream("words_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("words_" + language + ".properties is missing beside " + Words.class.getName());
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
