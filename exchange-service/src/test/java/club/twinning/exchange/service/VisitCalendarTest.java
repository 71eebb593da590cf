package club.twinning.exchange.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.domain.VisitStatus;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The iCalendar rendering alone, no Quarkus: what a calendar application parses, in each language. */
@Tag("unit")
class VisitCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:15:00Z");
    private static final Map<String, VisitCalendar.Place> AR = Map.of(
            "agadez", new VisitCalendar.Place("أغاديس", 16.9742, 7.9865),
            "es-semara", new VisitCalendar.Place("السمارة", 26.7384, -11.6719));

    @Test
    void aVisitIsOneEventWithNamesAgendaPlaceAndLink() throws Exception {
        Visit visit = visit(VisitStatus.CONFIRMED);
        String text = VisitCalendar.of(List.of(visit), AR::get, "ar", "https://portal.example/", NOW);

        strictLines(text);
        VEvent event = only(text);
        assertEquals(visit.id + "@twinning.club", value(event, "UID"));
        assertEquals("20270105", value(event, "DTSTART"));
        assertEquals("20270108", value(event, "DTEND"), "the end is exclusive: the day after the last");
        assertEquals("3", value(event, "SEQUENCE"));
        assertEquals("20261130T101500Z", value(event, "DTSTAMP"));
        assertEquals("زيارة: \u2068السمارة\u2069 إلى \u2068أغاديس\u2069 (\u2068الثقافة\u2069)", value(event, "SUMMARY"));
        assertEquals("أغاديس", value(event, "LOCATION"));
        assertEquals("16.9742;7.9865", value(event, "GEO"));
        assertEquals("https://portal.example/app/visits/" + visit.id, value(event, "URL"));
        assertEquals("CONFIRMED", value(event, "STATUS"));
        String description = value(event, "DESCRIPTION");
        assertTrue(description.startsWith("الوفد:\n- Fatimetou Mint Ahmed (Experte; sols, dunes)\n"), description);
        assertTrue(description.contains("2027-01-05 09:30 Fixation des dunes, \"retour\" d'expérience\\n (Mairie)"), description);
        assertFalse(description.contains("f@example.org"), "a delegate's address stays private");
    }

    @Test
    void aCancelledVisitStaysAsCancelledAndAnUnknownPartyShowsItsCode() throws Exception {
        Visit visit = visit(VisitStatus.CANCELLED);
        visit.cancelReason = "tempête de sable";
        VEvent event = only(VisitCalendar.of(List.of(visit), code -> null, "fr", "http://127.0.0.1:8080", NOW));
        assertEquals("CANCELLED", value(event, "STATUS"));
        assertEquals("Visite : es-semara chez agadez (Culture)", value(event, "SUMMARY"));
        assertTrue(value(event, "DESCRIPTION").startsWith("Annulée : tempête de sable\n"));
        assertTrue(event.getProperty("GEO").isEmpty(), "no place known, no GEO");
    }

    @Test
    void longLinesFoldAtSeventyFiveOctetsNeverInsideACharacter() {
        StringBuilder out = new StringBuilder();
        String value = "DESCRIPTION:" + "تدبير المجالات الصحراوية ".repeat(12);
        VisitCalendar.line(out, value);
        String text = out.toString();
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals(value, text.replace("\r\n ", "").replace("\r\n", ""), "unfolding gives the line back");
        assertEquals("a\\;b\\,c\\\\d\\ne", VisitCalendar.text("a;b,c\\d\r\ne\u0007"));
    }

    private static Visit visit(VisitStatus status) {
        Visit v = new Visit();
        v.id = UUID.fromString("8f7c7a52-54c6-4f7e-9f43-3b8e8f6a1c01");
        v.hostParty = "agadez";
        v.visitingParty = "es-semara";
        v.startDate = LocalDate.of(2027, 1, 5);
        v.endDate = LocalDate.of(2027, 1, 7);
        v.status = status;
        v.domain = "culture";
        v.delegation = List.of(new Visit.Delegate("Fatimetou Mint Ahmed", "Experte; sols, dunes", "f@example.org"));
        v.agenda = List.of(new Visit.AgendaItem(LocalDate.of(2027, 1, 5), "09:30",
                "Fixation des dunes, \"retour\" d'expérience\\n", "Mairie"));
        v.version = 3;
        return v;
    }

    /** RFC 5545 3.1: CRLF everywhere, at most 75 octets a line, a continuation starts with one space. */
    private static void strictLines(String text) {
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n") && text.endsWith("END:VCALENDAR\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"), "no bare line ends");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
            assertTrue(line.startsWith(" ") || line.matches("[A-Z-]+[;:].*"), "not a content line: " + line);
        }
    }

    private static VEvent only(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }
}
