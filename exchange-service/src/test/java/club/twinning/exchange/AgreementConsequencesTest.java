package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static club.twinning.exchange.Calls.vote;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.EventType;
import club.twinning.events.Topics;
import club.twinning.testing.KafkaRecords;
import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the registry's status changes do under an agreement: a suspension holds pending requests (remembering
 * their state), flags planned visits and refuses every new step with 422; back in force, the requests return and
 * the flags go; terminated, open requests are closed with the reason and visits flagged again. Every change is an event.
 */
@QuarkusTest
class AgreementConsequencesTest {

    @Test
    void suspendedThenInForceThenTerminated() {
        try (TestEvents events = new TestEvents()) {
            UUID agreement = Network.agreementInForce(events, "agadez", "es-semara");
            String submitted = Calls.submit("partner.agadez", "es-semara", agreement);
            String underReview = Calls.submit("partner.agadez", "es-semara", agreement);
            vote("council.tombouctou", underReview, "APPROVE", null).statusCode(200).body("status", equalTo("UNDER_REVIEW"));
            String approved = Calls.submit("partner.agadez", "es-semara", agreement);
            Calls.approve(approved);
            String scheduled = Calls.submit("partner.agadez", "es-semara", agreement);
            Calls.approve(scheduled);
            LocalDate start = LocalDate.now().plusMonths(1).plusDays(3);
            String visit = as("partner.agadez").body(Calls.visit(scheduled, start, start.plusDays(1))).post("/api/visits")
                    .then().statusCode(201).extract().path("id");
            String withdrawn = Calls.submit("partner.agadez", "es-semara", agreement);

            Network.status(events, agreement, "agadez", "es-semara", "IN_FORCE", "SUSPENDED", 5, "audit en cours");
            Network.awaitStatus(agreement, "SUSPENDED");

            as("partner.agadez").get("/api/requests/" + submitted).then().body("status", equalTo("ON_HOLD"))
                    .body("heldFrom", equalTo("SUBMITTED"))
                    .body("history.findAll { it.kind == 'STATUS' }.last().reason", containsString("audit en cours"));
            as("partner.es-semara").get("/api/requests/" + underReview).then().body("status", equalTo("ON_HOLD"))
                    .body("heldFrom", equalTo("UNDER_REVIEW"));
            as("partner.agadez").get("/api/requests/" + approved).then().body("status", equalTo("APPROVED"));
            as("partner.agadez").get("/api/requests/" + scheduled).then().body("status", equalTo("SCHEDULED"));
            as("partner.es-semara").get("/api/visits/" + visit).then().body("status", equalTo("PLANNED"))
                    .body("flaggedAt", notNullValue()).body("flag", equalTo("audit en cours"));

            // Nothing new rests on a suspended agreement: 422 saying its state.
            Map<String, Object> body = Calls.request("es-semara", "Pendant la suspension");
            body.put("agreementId", agreement.toString());
            as("partner.agadez").body(body).post("/api/requests").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:twinning:problem:agreement-not-in-force"))
                    .body("agreementStatus", equalTo("SUSPENDED")).body("field", equalTo("agreementId"));
            vote("council.vijayawada", underReview, "APPROVE", null).statusCode(422).body("agreementStatus", equalTo("SUSPENDED"));
            as("partner.agadez").body(Calls.visit(approved, start, start)).post("/api/visits").then().statusCode(422)
                    .body("agreementStatus", equalTo("SUSPENDED"));
            as("partner.agadez").header("If-Match", Calls.etag("partner.agadez", "/api/visits/" + visit))
                    .post("/api/visits/" + visit + "/confirmation").then().statusCode(422)
                    .body("agreementStatus", equalTo("SUSPENDED")).body("detail", containsString("SUSPENDED"));
            // A held request may still be withdrawn by its requester.
            as("partner.agadez").header("If-Match", Calls.etag("partner.agadez", "/api/requests/" + withdrawn))
                    .body(Map.of("reason", "plus tard")).post("/api/requests/" + withdrawn + "/withdrawal").then()
                    .statusCode(200).body("status", equalTo("WITHDRAWN"));

            Network.status(events, agreement, "agadez", "es-semara", "SUSPENDED", "IN_FORCE", 6, "audit terminé");
            Network.awaitStatus(agreement, "IN_FORCE");
            as("partner.agadez").get("/api/requests/" + submitted).then().body("status", equalTo("SUBMITTED"))
                    .body("heldFrom", nullValue());
            as("partner.agadez").get("/api/requests/" + underReview).then().body("status", equalTo("UNDER_REVIEW"));
            as("partner.agadez").get("/api/requests/" + withdrawn).then().body("status", equalTo("WITHDRAWN"));
            as("partner.agadez").get("/api/visits/" + visit).then().body("flag", nullValue());
            vote("council.vijayawada", underReview, "APPROVE", null).statusCode(200).body("status", equalTo("APPROVED"));

            Network.status(events, agreement, "agadez", "es-semara", "IN_FORCE", "TERMINATED", 7, "dénoncée par Agadez");
            Network.awaitStatus(agreement, "TERMINATED");
            for (String closed : List.of(submitted, underReview, approved)) {
                as("partner.agadez").get("/api/requests/" + closed).then().body("status", equalTo("CLOSED"))
                        .body("closedReason", equalTo("dénoncée par Agadez"));
            }
            as("partner.agadez").get("/api/requests/" + scheduled).then().body("status", equalTo("SCHEDULED"));
            as("partner.agadez").get("/api/visits/" + visit).then().body("flaggedAt", notNullValue()).body("flag", equalTo("dénoncée par Agadez"));
            vote("council.expert", submitted, "APPROVE", null).statusCode(422).body("agreementStatus", equalTo("TERMINATED"));
            // Cancelling the flagged visit closes its request: no other visit can be planned under an ended agreement.
            as("partner.es-semara").header("If-Match", Calls.etag("partner.es-semara", "/api/visits/" + visit))
                    .body(Map.of("reason", "accord dénoncé")).post("/api/visits/" + visit + "/cancellation").then()
                    .statusCode(200).body("status", equalTo("CANCELLED"));
            as("partner.agadez").get("/api/requests/" + scheduled).then().body("status", equalTo("CLOSED"));

            List<ConsumerRecord<String, String>> held = KafkaRecords.consume(Topics.REQUESTS, Set.of(submitted), 4);
            assertEquals(List.of(EventType.REQUEST_SUBMITTED.type(), EventType.REQUEST_ON_HOLD.type(),
                    EventType.REQUEST_RESUMED.type(), EventType.REQUEST_CLOSED.type()), types(held));
            assertTrue(held.get(1).value().contains("audit en cours"), "the hold says why: " + held.get(1).value());
            assertTrue(held.get(3).value().contains("dénoncée par Agadez"), "the closure says why");
            List<ConsumerRecord<String, String>> flagged = KafkaRecords.consume(Topics.VISITS, Set.of(visit), 4);
            assertEquals(List.of(EventType.VISIT_PLANNED.type(), EventType.VISIT_FLAGGED.type(), EventType.VISIT_FLAGGED.type(),
                    EventType.VISIT_CANCELLED.type()), types(flagged));
            assertTrue(flagged.get(1).value().contains("audit en cours"), "the flag says why, in the registry's words");
        }
    }

    @Test
    void anExpiredAgreementClosesWhatWasOnHold() {
        try (TestEvents events = new TestEvents()) {
            UUID agreement = Network.agreementInForce(events, "agadez", "es-semara");
            String request = Calls.submit("partner.agadez", "es-semara", agreement);
            Network.status(events, agreement, "agadez", "es-semara", "IN_FORCE", "SUSPENDED", 5, null);
            Network.awaitStatus(agreement, "SUSPENDED");
            as("partner.agadez").get("/api/requests/" + request).then().body("status", equalTo("ON_HOLD"));
            Network.status(events, agreement, "agadez", "es-semara", "SUSPENDED", "EXPIRED", 6, null);
            Network.awaitStatus(agreement, "EXPIRED");
            as("partner.agadez").get("/api/requests/" + request).then().body("status", equalTo("CLOSED"))
                    .body("heldFrom", nullValue()).body("closedReason", nullValue()); // the registry gave no words: none invented
        }
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaRecords.headers(r).get("ce_type")).toList();
    }
}
