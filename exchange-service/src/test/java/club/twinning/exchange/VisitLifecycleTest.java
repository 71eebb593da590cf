package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.EventType;
import club.twinning.events.Topics;
import club.twinning.testing.KafkaRecords;
import club.twinning.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** From approval to the report, with the calendar feed read by a real iCalendar library and every event on Kafka. */
@QuarkusTest
class VisitLifecycleTest extends AgadezEsSemaraTwinned {

    @Inject
    MovableClock clock;

    @Test
    void plannedConfirmedByTheHostCompletedWithItsReport() throws Exception {
        String id = Calls.submit("partner.agadez", "es-semara");
        Calls.approve(id);

        LocalDate start = LocalDate.now().plusMonths(1).plusDays(2);
        Map<String, Object> plan = Map.of("requestId", id, "startDate", start.toString(),
                "endDate", start.plusDays(2).toString(),
                "delegation", List.of(Map.of("name", "Délégation d'Es-Semara", "role", "Experts", "email", "d@example.org")),
                "agenda", List.of(Map.of("day", start.toString(), "time", "09:30", "topic", "Gestion des espaces désertiques",
                        "place", "Mairie d'Agadez")),
                "logistics", "Accueil à l'aéroport; salle de réunion, Agadez");
        Map<String, Object> outside = new java.util.HashMap<>(plan);
        outside.put("endDate", LocalDate.now().plusYears(2).toString());
        as("partner.agadez").body(outside).post("/api/visits").then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        String visit = as("partner.agadez").body(plan).post("/api/visits").then().statusCode(201)
                .body("hostParty", equalTo("agadez")).body("visitingParty", equalTo("es-semara"))
                .body("status", equalTo("PLANNED")).extract().path("id");
        as("partner.agadez").get("/api/requests/" + id).then().body("status", equalTo("SCHEDULED")).body("visitId", equalTo(visit));

        as("partner.es-semara").post("/api/visits/" + visit + "/confirmation").then().statusCode(403)
                .body("type", equalTo("urn:twinning:problem:not-host"));
        String planned = Calls.etag("partner.agadez", "/api/visits/" + visit);
        // A step the table does not allow: a planned visit is confirmed or cancelled, not completed.
        as("partner.agadez").header("If-Match", planned).body(Map.of("outcomes", "trop tôt"))
                .post("/api/visits/" + visit + "/report").then().statusCode(409)
                .body("type", equalTo("urn:twinning:problem:visit-planned")).body("visitStatus", equalTo("PLANNED"))
                .body("from", equalTo("PLANNED")).body("to", equalTo("COMPLETED"))
                .body("allowed", equalTo(List.of("CANCELLED", "CONFIRMED")));
        String confirmed = as("partner.agadez").header("If-Match", planned).post("/api/visits/" + visit + "/confirmation")
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).extract().header("ETag");
        as("partner.banjul").get("/api/visits/" + visit).then().statusCode(403);

        String feed = as("partner.es-semara").get("/api/calendar.ics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> mine = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().map(u -> u.getValue().startsWith(visit)).orElse(false)).toList();
        assertEquals(1, mine.size());
        assertEquals(start, LocalDate.parse(mine.get(0).getDateTimeStart().getValue(),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        // The signed-in calendar is rendered as the private feeds are (CalendarFeedTest): names, agenda, link.
        assertEquals("http://127.0.0.1:8080/app/visits/" + visit, mine.get(0)
                .<net.fortuna.ical4j.model.Property>getProperty("URL").orElseThrow().getValue());
        assertTrue(mine.get(0).getDescription().getValue().contains("Gestion des espaces désertiques"));

        // The report comes once the visit is over: the clock moves to its last day.
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), start.plusDays(2))));
        try {
            as("partner.es-semara").header("If-Match", confirmed).body(Map.of("outcomes", "Deux ateliers tenus",
                            "lessons", "Partager les cartes", "followUps", List.of(Map.of("action", "Envoyer le guide")),
                            "attendance", List.of("12 agents")))
                    .post("/api/visits/" + visit + "/report").then().statusCode(200).body("status", equalTo("COMPLETED"))
                    .body("report.outcomes", equalTo("Deux ateliers tenus"));
            as("partner.es-semara").get("/api/visits/" + visit + "/steps").then().statusCode(200)
                    .body("to", equalTo(List.of("PLANNED", "CONFIRMED", "COMPLETED")))
                    .body("from[0]", org.hamcrest.Matchers.nullValue()).body("from[2]", equalTo("CONFIRMED"))
                    .body("actor", equalTo(List.of("partner.agadez", "partner.agadez", "partner.es-semara")));
            as("partner.agadez").get("/api/requests/" + id).then().body("status", equalTo("COMPLETED"));
            as("partner.agadez").get("/api/matches?domain=desert-land-management").then().statusCode(200)
                    .body("find { it.party == 'es-semara' }.reasons",
                            org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("completed visit")));
        } finally {
            clock.reset();
        }

        List<ConsumerRecord<String, String>> requestEvents = KafkaRecords.consume(Topics.REQUESTS, Set.of(id), 4);
        assertEquals(List.of(EventType.REQUEST_SUBMITTED.type(), EventType.VOTE_CAST.type(), EventType.VOTE_CAST.type(),
                EventType.REQUEST_DECIDED.type()), requestEvents.stream().map(r -> KafkaRecords.headers(r).get("ce_type")).toList());
        assertTrue(requestEvents.get(3).value().contains("\"approve\":2"), "the decision carries its tally");
        List<ConsumerRecord<String, String>> visitEvents = KafkaRecords.consume(Topics.VISITS, Set.of(visit), 3);
        assertEquals(List.of(EventType.VISIT_PLANNED.type(), EventType.VISIT_CONFIRMED.type(), EventType.VISIT_COMPLETED.type()),
                visitEvents.stream().map(r -> KafkaRecords.headers(r).get("ce_type")).toList());
        assertTrue(visitEvents.get(2).value().contains("Deux ateliers tenus"), "completion carries the report summary");
    }

    @Test
    void aCancelledVisitSaysWhyAndTheRequestMayBePlannedAgain() {
        String id = Calls.submit("partner.agadez", "es-semara");
        Calls.approve(id);
        LocalDate start = LocalDate.now().plusMonths(1).plusDays(5);
        Map<String, Object> plan = Map.of("requestId", id, "startDate", start.toString(), "endDate", start.toString(),
                "delegation", List.of(Map.of("name", "Délégation")));
        String visit = as("partner.agadez").body(plan).post("/api/visits").then().statusCode(201).extract().path("id");
        as("partner.agadez").body(Map.of()).post("/api/visits/" + visit + "/cancellation").then().statusCode(400);
        as("partner.agadez").header("If-Match", Calls.etag("partner.agadez", "/api/visits/" + visit))
                .body(Map.of("reason", "intempéries")).post("/api/visits/" + visit + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("intempéries"));
        as("partner.agadez").get("/api/requests/" + id).then().body("status", equalTo("APPROVED"));
        // A cancelled visit is final: the refusal names its status and that nothing follows.
        as("partner.agadez").header("If-Match", Calls.etag("partner.agadez", "/api/visits/" + visit))
                .post("/api/visits/" + visit + "/confirmation").then().statusCode(409)
                .body("type", equalTo("urn:twinning:problem:visit-cancelled")).body("allowed", equalTo(List.of()));
        as("partner.es-semara").get("/api/visits/" + visit + "/steps").then().statusCode(200)
                .body("to", equalTo(List.of("PLANNED", "CANCELLED"))).body("reason[1]", equalTo("intempéries"));
        as("partner.banjul").get("/api/visits/" + visit + "/steps").then().statusCode(403);
        KafkaRecords.consume(Topics.VISITS, Set.of(visit), 2);
    }
}
