package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A private feed as a calendar application uses it: created by a person, read without any bearer token by a real
 * iCalendar parser, showing only what its owner may see, in its language, updated in place, and dead once revoked.
 */
@QuarkusTest
class CalendarFeedTest extends AgadezEsSemaraTwinned {

    @BeforeAll
    void places() {
        // The register's names and places, as the replica would hold them (written here, not announced on the
        // shared topics, so the running stack's replica is left alone).
        Network.place("agadez", "Agadez", "أغاديس", "Agadez", 16.9742, 7.9865);
        Network.place("es-semara", "Es-Semara", "السمارة", "Es-Semara", 26.7384, -11.6719);
    }

    @Test
    void aSubscribedCalendarShowsTheCityVisitsInItsLanguageAndFollowsACancellation() throws Exception {
        String id = Calls.submit("partner.agadez", "es-semara");
        Calls.approve(id);
        LocalDate start = LocalDate.now().plusMonths(1).plusDays(3);
        Map<String, Object> plan = Map.of("requestId", id, "startDate", start.toString(), "endDate", start.plusDays(1).toString(),
                "delegation", List.of(Map.of("name", "Fatimetou Mint Ahmed", "role", "Experte; sols, dunes", "email", "f@example.org")),
                "agenda", List.of(Map.of("day", start.toString(), "time", "09:30", "topic", "Fixation des dunes, retour d'expérience",
                        "place", "Mairie d'Agadez")),
                "logistics", "Accueil à l'aéroport\nSalle de réunion");
        String visit = as("partner.agadez").body(plan).post("/api/visits").then().statusCode(201).extract().path("id");

        String agadez = create("partner.agadez", Map.of("lang", "ar"));
        String banjul = create("partner.banjul", Map.of());
        String council = create("council.tombouctou", Map.of("lang", "en"));

        VEvent planned = event(read(agadez), visit).orElseThrow();
        assertEquals("زيارة: \u2068السمارة\u2069 إلى \u2068أغاديس\u2069 (\u2068تدبير المجالات الصحراوية\u2069)", value(planned, "SUMMARY"));
        assertEquals("أغاديس", value(planned, "LOCATION"));
        assertEquals("16.9742;7.9865", value(planned, "GEO"));
        assertEquals("http://127.0.0.1:8080/app/visits/" + visit, value(planned, "URL"));
        assertEquals("TENTATIVE", value(planned, "STATUS"));
        String description = value(planned, "DESCRIPTION");
        assertTrue(description.contains("Fatimetou Mint Ahmed (Experte; sols, dunes)"), description);
        assertTrue(description.contains(start + " 09:30 Fixation des dunes, retour d'expérience (Mairie d'Agadez)"), description);
        assertFalse(description.contains("f@example.org"), "a delegate's address is not published");
        long sequence = Long.parseLong(value(planned, "SEQUENCE"));

        assertTrue(event(read(banjul), visit).isEmpty(), "Banjul's partner does not see a visit between Agadez and Es-Semara");
        VEvent seenByCouncil = event(read(council), visit).orElseThrow();
        assertEquals("Visit: Es-Semara to Agadez (Desert and land management)", value(seenByCouncil, "SUMMARY"));

        as("partner.es-semara").header("If-Match", Calls.etag("partner.es-semara", "/api/visits/" + visit))
                .body(Map.of("reason", "tempête de sable")).post("/api/visits/" + visit + "/cancellation").then().statusCode(200);
        VEvent cancelled = event(read(agadez), visit).orElseThrow();
        assertEquals("CANCELLED", value(cancelled, "STATUS"));
        assertTrue(Long.parseLong(value(cancelled, "SEQUENCE")) > sequence, "a change raises the SEQUENCE");
        assertTrue(value(cancelled, "DESCRIPTION").contains("tempête de sable"));
    }

    @Test
    void onlyItsOwnerListsAndRevokesAFeedAndARevokedFeedIsGone() {
        var created = as("partner.agadez").body(Map.of()).post("/api/calendar-feeds").then().statusCode(201)
                .body("url", startsWith("http://127.0.0.1:8080/calendar/")).extract();
        String url = created.path("url");
        assertEquals(url, created.header("Location"), "the 201's Location is the feed it created");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        String feedId = as("partner.agadez").get("/api/calendar-feeds").then().statusCode(200)
                .extract().path("find { it.lastUsedAt == null }.id");
        read(token);
        as("partner.agadez").get("/api/calendar-feeds").then().body("id", hasItem(feedId))
                .body("find { it.id == '" + feedId + "' }.lastUsedAt", not(equalTo(null)));
        as("partner.banjul").get("/api/calendar-feeds").then().statusCode(200).body("id", not(hasItem(feedId)));
        as("partner.banjul").delete("/api/calendar-feeds/" + feedId).then().statusCode(404);
        as("partner.agadez").delete("/api/calendar-feeds/" + feedId).then().statusCode(204);

        given().get("/calendar/" + token + ".ics").then().statusCode(404).contentType("application/problem+json");
        given().get("/calendar/not-a-token.ics").then().statusCode(404);
        as("partner.agadez").get("/api/calendar-feeds").then().body("id", not(hasItem(feedId)));
        as("partner.agadez").body(Map.of("lang", "de")).post("/api/calendar-feeds").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("lang")));
        given().contentType("application/json").body(Map.of()).post("/api/calendar-feeds").then().statusCode(401);
        // No body at all, as a form button may send: the language is the token's, else French.
        given().auth().oauth2(club.twinning.testing.KeycloakTokens.of("council.tombouctou")).post("/api/calendar-feeds")
                .then().statusCode(201).body("lang", org.hamcrest.Matchers.oneOf("fr", "ar", "en"));
        as("partner.agadez").body("[1]").post("/api/calendar-feeds").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static String create(String user, Map<String, Object> body) {
        String url = as(user).body(body).post("/api/calendar-feeds").then().statusCode(201).extract().path("url");
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    /** The feed as a calendar application fetches it (no Authorization), checked line by line, then parsed. */
    private static Calendar read(String token) {
        String text = given().get("/calendar/" + token + ".ics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/calendar")).extract().asString();
        assertTrue(text.endsWith("\r\n"), "content lines end with CRLF");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
            assertFalse(line.contains("\n") || line.contains("\r"), "no bare line break");
        }
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (Exception e) {
            throw new AssertionError("not iCalendar: " + text, e);
        }
    }

    private static Optional<VEvent> event(Calendar calendar, String visit) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().map(u -> u.getValue().equals(visit + "@twinning.club")).orElse(false)).findFirst();
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + name + " in " + event));
    }
}
