package club.twinning.portal.i18n;

import club.twinning.portal.web.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as the viewer reads them: {inject:dates.day(v.startDate)}, {inject:dates.range(v.startDate, v.endDate)},
 * {inject:dates.time(f.createdAt)}. The JDK's formats per locale (FormatStyle.MEDIUM; CLDR: "12 mars 2027",
 * "12‏/03‏/2027" in Arabic, "Mar 12, 2027"), Gregorian calendar, and Latin digits in Arabic as the club's
 * documents write them. Times in UTC, said so. A value that does not read as a date is shown as it came.
 */
@Named("dates")
@RequestScoped
public class Dates {

    private final DateTimeFormatter day;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter monthOfYear;

    @Inject
    Dates(Viewer viewer) {
        this(viewer.language().locale());
    }

    public Dates(Locale locale) {
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withDecimalStyle(DecimalStyle.STANDARD);
        this.dayAndTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withDecimalStyle(DecimalStyle.STANDARD).withZone(ZoneId.of("UTC"));
        this.monthOfYear = DateTimeFormatter.ofPattern("LLLL y", locale).withDecimalStyle(DecimalStyle.STANDARD);
    }

    /** An ISO date (or the date part of a timestamp). */
    public String day(Object value) {
        LocalDate date = date(value);
        return date == null ? text(value) : day.format(date);
    }

    /** A month and its year, as a calendar's title reads it ("novembre 2026"). */
    public String month(Object value) {
        try {
            YearMonth month = value instanceof YearMonth m ? m : YearMonth.parse(text(value));
            return monthOfYear.format(month);
        } catch (DateTimeParseException e) {
            return text(value);
        }
    }

    public String range(Object from, Object to) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start != null && start.equals(end)) {
            return day.format(start);
        }
        return day(from) + " – " + day(to);
    }

    /** An ISO instant, as a date and time in UTC. */
    public String time(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return dayAndTime.format(OffsetDateTime.parse(value.toString()).toInstant()) + " UTC";
        } catch (DateTimeParseException e) {
            try {
                return dayAndTime.format(Instant.parse(value.toString())) + " UTC";
            } catch (DateTimeParseException notAnInstant) {
                return day(value);
            }
        }
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = value.toString();
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
