package club.twinning.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A month grid (weeks from Monday) with the visits of each day. */
public record CalendarMonth(YearMonth month, List<String> weekdays, List<Day> days) {

    public record Day(LocalDate date, boolean inMonth, List<JsonNode> visits) {
    }

    static CalendarMonth of(YearMonth month, JsonNode visits, Locale locale) {
        LocalDate first = month.atDay(1);
        LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        LocalDate end = month.atEndOfMonth().plusDays(DayOfWeek.SUNDAY.getValue() - month.atEndOfMonth().getDayOfWeek().getValue());
        List<Day> days = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            List<JsonNode> that = new ArrayList<>();
            for (JsonNode visit : visits.path("items")) {
                LocalDate from = date(visit, "startDate");
                LocalDate to = date(visit, "endDate");
                if (from != null && !day.isBefore(from) && !day.isAfter(to == null ? from : to)) {
                    that.add(visit);
                }
            }
            days.add(new Day(day, YearMonth.from(day).equals(month), that));
        }
        List<String> weekdays = Arrays.stream(DayOfWeek.values())
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList();
        return new CalendarMonth(month, weekdays, days);
    }

    public String previous() {
        return month.minusMonths(1).toString();
    }

    public String next() {
        return month.plusMonths(1).toString();
    }

    private static LocalDate date(JsonNode visit, String field) {
        String text = visit.path(field).asText("");
        return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
    }
}
