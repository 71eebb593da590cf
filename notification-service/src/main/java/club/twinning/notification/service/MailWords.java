package club.twinning.notification.service;

import club.twinning.events.Words;
import club.twinning.notification.replica.KnownParty;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Codes in the reader's words: party names from the register in fr/ar/en, statuses, roles and cooperation domains from
 * the platform's words (events' {@link Words}, which the portal reads too), dates
 * in the language's long form. Arabic dates keep Latin digits ("1 فبراير 2027"): the Maghreb and Sahel readers of
 * the platform write them so (CLDR's ar-MA/ar-DZ/ar-TN default), and they match the numbers and dates of the portal.
 */
final class MailWords {

    /** French elides "de"/"que" before a vowel: "de Agadez" → "d'Agadez" (only before an inserted name or title). */
    private static final Pattern ELISION = Pattern.compile(
            "\\b([Dd]|[Qq]u)e " + Bidi.FSI + "(?=[AEIOUYÀÂÄÆÉÈÊËÎÏÔŒÙÛÜaeiouyàâäæéèêëîïôœùûü])");

    private final String language;
    private final DateTimeFormatter dates;
    private final Words words;

    MailWords(String language) {
        this.language = language == null ? "fr" : language;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(switch (this.language) {
            case "ar" -> Locale.forLanguageTag("ar");
            case "en" -> Locale.forLanguageTag("en-GB");
            default -> Locale.FRENCH;
        });
        this.words = Words.of(this.language);
    }

    String language() {
        return language;
    }

    /** The party's name in the reader's language, isolated; the code when the register never named it. */
    String party(String code) {
        if (code == null) {
            return null;
        }
        KnownParty party = KnownParty.findById(code);
        return Bidi.isolate(party == null ? code : party.name(language));
    }

    String parties(List<String> codes, String and) {
        List<String> names = codes == null ? List.of() : codes.stream().filter(Objects::nonNull).map(this::party).toList();
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        String glue = "ar".equals(language) ? " " + and : " " + and + " ";
        return String.join(", ", names.subList(0, names.size() - 1)) + glue + names.get(names.size() - 1);
    }

    String domain(String code) {
        return words.domain(code);
    }

    /** A status as it reads in a sentence ("the request is approved"); null for none. */
    String status(Words.Kind kind, String code) {
        return words.status(kind, code);
    }

    /** A city's role (requesting, partner, host, visiting) as a fact's label. */
    String role(String role) {
        return words.label(words.role(role));
    }

    String domains(List<String> codes) {
        return codes == null ? null : codes.stream().map(this::domain).collect(Collectors.joining(", "));
    }

    String date(LocalDate date) {
        if (date == null) {
            return null;
        }
        String text = dates.format(date);
        // French writes the first day of a month as an ordinal: "1er février".
        return "fr".equals(language) && date.getDayOfMonth() == 1 ? text.replaceFirst("^1 ", "1er ") : text;
    }

    /** The finished sentence, with the language's typographic rules applied. */
    String polish(String text) {
        return text == null || !"fr".equals(language) ? text : ELISION.matcher(text).replaceAll("$1'" + Bidi.FSI);
    }
}
