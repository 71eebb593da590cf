package club.twinning.platform.query;

import club.twinning.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters read the same way by every list: blank is absent, text is trimmed, a date that does not read is a
 * 400 naming its parameter. (Typed parameters RESTEasy converts itself are named by platform's problem mappers.)
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Search text, trimmed, null when absent or blank; longer than {@code max} characters, a 400 naming {@code name}
     * (a pasted page searched nothing and answered an empty 200).
     */
    public static String text(String name, String value, int max) {
        String text = text(value);
        if (text != null && text.length() > max) {
            throw ProblemException.badField(name, "at most " + max + " characters (" + text.length() + " given)");
        }
        return text;
    }

    /** An ISO instant (2026-11-25T08:00:00Z), null when absent or blank, a 400 naming {@code name} otherwise. */
    public static Instant instant(String name, String value) {
        return parsed(name, value, Instant::parse, "an instant such as 2026-11-25T08:00:00Z");
    }

    /** An ISO date, null when absent or blank, a 400 naming {@code name} otherwise. */
    public static LocalDate date(String name, String value) {
        return parsed(name, value, LocalDate::parse, "a date such as 2026-03-01");
    }

    private static <T> T parsed(String name, String value, Function<String, T> parse, String expected) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, expected);
        }
    }

    /** One of an enum's constants by its name, null when absent or blank, a 400 naming {@code name} and the choices otherwise. */
    public static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
