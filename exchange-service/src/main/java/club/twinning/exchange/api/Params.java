package club.twinning.exchange.api;

import club.twinning.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters, read strictly: a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static LocalDate date(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "a date such as 2026-03-01");
        }
    }
}
