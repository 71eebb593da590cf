package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.testing.MovableClock;
import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Visits follow the calendar (the service's clock, moved by the test): never planned to start in the past,
 * confirmed only before they start, reported only from their last day; and only a visit that took place counts
 * for relationship health and matching.
 */
@QuarkusTest
class VisitTimeTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void plannedAheadConfirmedBeforeItStartsReportedFromItsLastDay() {
        try (TestEvents events = new TestEvents()) {
            UUID agreement = Network.agreementInForce(events, "banjul", "es-semara");
            String id = Calls.submit("partner.banjul", "es-semara", agreement);
            Calls.approve(id);
            LocalDate windowStart = LocalDate.now().plusMonths(1);

            // Forty days on, the window has begun: its first days are in the past.
            moveTo(windowStart.plusDays(9));
            LocalDate today = LocalDate.now(clock);
            as("partner.banjul").body(Calls.visit(id, windowStart.plusDays(2), windowStart.plusDays(3))).post("/api/visits")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("field", equalTo("startDate")).body("errors[0].field", equalTo("startDate"));
            as("partner.banjul").body(Calls.visit(id, today, today.plusDays(1))).post("/api/visits")
                    .then().statusCode(422).body("field", equalTo("startDate"));
            LocalDate start = today.plusDays(3);
            String visit = as("partner.banjul").body(Calls.visit(id, start, start.plusDays(2))).post("/api/visits")
                    .then().statusCode(201).extract().path("id");
            String host = "partner.banjul"; // THEY_VISIT_US: the requesting city hosts

            // Before it starts, the host confirms; not yet a report.
            String etag = as(host).header("If-Match", Calls.etag(host, "/api/visits/" + visit))
                    .post("/api/visits/" + visit + "/confirmation").then().statusCode(200).extract().header("ETag");
            as(host).header("If-Match", etag).body(Map.of("outcomes", "trop tôt")).post("/api/visits/" + visit + "/report")
                    .then().statusCode(422).body("field", equalTo("endDate"));
            // The visit's first day: still no report (it is on its last day that it may be filed).
            moveTo(start.plusDays(1));
            as(host).header("If-Match", etag).body(Map.of("outcomes", "trop tôt")).post("/api/visits/" + visit + "/report")
                    .then().statusCode(422).body("field", equalTo("endDate"));
            moveTo(start.plusDays(2));
            as(host).header("If-Match", etag).body(Map.of("outcomes", "Atelier sur l'assainissement"))
                    .post("/api/visits/" + visit + "/report").then().statusCode(200).body("status", equalTo("COMPLETED"));
            // Seen from its last day on: a visit that took place, zero days ago.
            as("council.expert").get("/api/relationships").then().statusCode(200)
                    .body("find { it.agreementId == '" + agreement + "' }.daysSinceLastVisit", equalTo(0));

            // Back to real time, the visit is in the future: it counts for nothing, and no "days ago" is negative.
            clock.reset();
            as("council.expert").get("/api/relationships").then().statusCode(200)
                    .body("find { it.agreementId == '" + agreement + "' }.daysSinceLastVisit", equalTo(null))
                    .body("find { it.agreementId == '" + agreement + "' }.reasons", org.hamcrest.Matchers.hasItem("no completed visit yet"));
            List<Integer> days = as("council.expert").get("/api/relationships").then().extract().jsonPath()
                    .getList("daysSinceLastVisit", Integer.class);
            assertTrue(days.stream().allMatch(d -> d == null || d >= 0), "a negative 'days ago': " + days);
            List<String> reasons = as("partner.banjul").get("/api/matches?domain=desert-land-management").then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.party == 'es-semara' }.reasons.flatten()", String.class);
            assertFalse(reasons.stream().anyMatch(r -> r.contains("completed visit")), "a future visit counted: " + reasons);
        }
    }

    @Test
    void aVisitThatHasStartedIsNoLongerConfirmed() {
        try (TestEvents events = new TestEvents()) {
            UUID agreement = Network.agreementInForce(events, "banjul", "es-semara");
            String id = Calls.submit("partner.banjul", "es-semara", agreement);
            Calls.approve(id);
            LocalDate start = LocalDate.now().plusMonths(1).plusDays(1);
            String visit = as("partner.banjul").body(Calls.visit(id, start, start.plusDays(1))).post("/api/visits")
                    .then().statusCode(201).extract().path("id");
            String etag = Calls.etag("partner.banjul", "/api/visits/" + visit);
            moveTo(start);
            as("partner.banjul").header("If-Match", etag).post("/api/visits/" + visit + "/confirmation").then()
                    .statusCode(422).body("field", equalTo("startDate"))
                    .body("detail", org.hamcrest.Matchers.containsString(start.toString()));
            as("partner.banjul").get("/api/visits/" + visit).then().body("status", equalTo("PLANNED"));
        }
    }

    /** Moves the service's clock to that day (same time of day). */
    private void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock), day)));
    }
}
