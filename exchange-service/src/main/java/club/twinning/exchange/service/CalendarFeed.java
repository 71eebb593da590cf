package club.twinning.exchange.service;

import club.twinning.exchange.domain.Visit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Visits as an iCalendar feed (RFC 5545): one all-day VEVENT per visit, stable UIDs so calendars update in place. */
public final class CalendarFeed {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFeed() {
    }

    public static String of(List<Visit> visits, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Twinning Club//exchange-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:Twinning Club visits");
        for (Visit v : visits) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + v.id + "@twinning.club");
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(v.startDate));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(v.endDate.plusDays(1))); // exclusive end
            line(out, "SUMMARY:" + text("Visit: " + v.visitingParty + " to " + v.hostParty + " (" + v.domain + ")"));
            line(out, "LOCATION:" + text(v.hostParty));
            line(out, "STATUS:" + switch (v.status) {
                case PLANNED -> "TENTATIVE";
                case CONFIRMED, COMPLETED -> "CONFIRMED";
                case CANCELLED -> "CANCELLED";
            });
            if (v.logistics != null) {
                line(out, "DESCRIPTION:" + text(v.logistics));
            }
            line(out, "SEQUENCE:" + v.version);
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Content lines end with CRLF and fold at 75 octets (continuations start with a space). */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int count = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (count + size > limit) {
                out.append("\r\n ");
                count = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            count += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
