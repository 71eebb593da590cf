package club.twinning.exchange.service;

import club.twinning.events.CooperationDomain;
import club.twinning.exchange.domain.Visit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Visits as an iCalendar feed (RFC 5545) in one reader's language: one all-day VEVENT per visit with a stable UID
 * and the visit's version as SEQUENCE, so subscribed calendars update (or strike out a cancelled visit) in place.
 * Pure: the parties' names and places and the portal's address are handed in.
 */
public final class VisitCalendar {

    /** A party as the feed shows it: its name in the feed's language, and where it is when the register says. */
    public record Place(String name, Double latitude, Double longitude) {
    }

    /** {@code summary}: the visiting party, the host, the domain (in that order). */
    private record Words(String calendar, String summary, String delegation, String agenda, String logistics,
                         String cancelled) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            "fr", new Words("Visites du Twinning Club", "Visite : %s chez %s (%s)", "Délégation :", "Programme :", "Logistique :", "Annulée :"),
            "en", new Words("Twinning Club visits", "Visit: %s to %s (%s)", "Delegation:", "Agenda:", "Logistics:", "Cancelled:"),
            "ar", new Words("زيارات نادي التوأمة", "زيارة: %s إلى %s (%s)", "الوفد:", "البرنامج:", "الترتيبات اللوجستية:", "ألغيت:"));

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private VisitCalendar() {
    }

    /**
     * @param places a party code to its place (a party the register never announced shows as its code)
     * @param portalUrl the portal's public base: each event links to the visit's page there
     */
    public static String of(List<Visit> visits, Function<String, Place> places, String lang, String portalUrl, Instant now) {
        String language = WORDS.containsKey(lang) ? lang : "fr";
        Words words = WORDS.get(language);
        String base = portalUrl.replaceAll("/+$", "");
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Twinning Club//exchange-service//" + language.toUpperCase(Locale.ROOT));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(words.calendar()));
        line(out, "X-PUBLISHED-TTL:PT1H"); // how often a subscribed calendar should look again
        for (Visit v : visits) {
            Place host = place(places, v.hostParty);
            Place visitor = place(places, v.visitingParty);
            String domain = CooperationDomain.of(v.domain).map(d -> d.label(language)).orElse(v.domain);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + v.id + "@twinning.club");
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(v.startDate));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(v.endDate.plusDays(1))); // exclusive end
            line(out, "SEQUENCE:" + v.version);
            line(out, "SUMMARY;LANGUAGE=" + language + ":" + text(words.summary().formatted(
                    isolated(visitor.name(), language), isolated(host.name(), language), isolated(domain, language))));
            line(out, "DESCRIPTION;LANGUAGE=" + language + ":" + text(description(v, words)));
            line(out, "LOCATION;LANGUAGE=" + language + ":" + text(host.name()));
            if (host.latitude() != null && host.longitude() != null) {
                line(out, "GEO:" + host.latitude() + ";" + host.longitude());
            }
            line(out, "URL:" + base + "/app/visits/" + v.id);
            line(out, "STATUS:" + switch (v.status) {
                case PLANNED -> "TENTATIVE";
                case CONFIRMED, COMPLETED -> "CONFIRMED";
                case CANCELLED -> "CANCELLED";
            });
            line(out, "TRANSP:TRANSPARENT"); // a visit does not make the reader busy all day
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** In right-to-left text a name in Latin letters (a code the register did not name) keeps its own direction. */
    private static String isolated(String value, String language) {
        return language.equals("ar") ? "\u2068" + value + "\u2069" : value;
    }

    private static Place place(Function<String, Place> places, String code) {
        Place place = places.apply(code);
        return place == null || place.name() == null || place.name().isBlank() ? new Place(code, null, null) : place;
    }

    /** The delegation (names and roles, never their addresses), the agenda day by day, the logistics. */
    private static String description(Visit v, Words words) {
        List<String> lines = new ArrayList<>();
        if (v.cancelReason != null) {
            lines.add(words.cancelled() + " " + v.cancelReason);
            lines.add("");
        }
        lines.add(words.delegation());
        for (Visit.Delegate d : v.delegation) {
            lines.add("- " + d.name() + (d.role() == null || d.role().isBlank() ? "" : " (" + d.role() + ")"));
        }
        if (!v.agenda.isEmpty()) {
            lines.add("");
            lines.add(words.agenda());
            for (Visit.AgendaItem a : v.agenda) {
                lines.add("- " + a.day() + (a.time() == null ? "" : " " + a.time()) + " " + a.topic()
                        + (a.place() == null || a.place().isBlank() ? "" : " (" + a.place() + ")"));
            }
        }
        if (v.logistics != null && !v.logistics.isBlank()) {
            lines.add("");
            lines.add(words.logistics());
            lines.add(v.logistics);
        }
        return String.join("\n", lines);
    }

    /** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n, no other controls. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        String normal = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Content lines end with CRLF and fold before 75 octets (continuations start with a space), never inside a character. */
    static void line(StringBuilder out, String content) {
        int count = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (count + size > 75) {
                out.append("\r\n ");
                count = 1;
            }
            out.appendCodePoint(cp);
            count += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
