package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static club.twinning.exchange.Calls.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The council's policy with real tokens: quorum both ways, ties, conflicts of interest, city scoping. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestWorkflowTest {

    private final TestEvents events = new TestEvents();

    @BeforeAll
    void twinnings() {
        Network.party(events, "es-semara", List.of("desert-land-management"));
        Network.agreementInForce(events, "agadez", "es-semara");
        Network.agreementInForce(events, "es-semara", "tombouctou");
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void twoApprovalsDecideAndTheTallyIsVisibleToBothCities() {
        String id = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", id, "APPROVE", null).statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        vote("council.vijayawada", id, "APPROVE", "utile").statusCode(200).body("status", equalTo("APPROVED"))
                .body("tally.approve", equalTo(2));
        as("partner.es-semara").get("/api/requests/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("votes.voter", hasItem("council.vijayawada"))
                .body("history.to", equalTo(List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")));
        vote("council.expert", id, "REJECT", "late").statusCode(409);
    }

    @Test
    void twoRejectionsRejectATieWaitsAndARejectionNeedsAReason() {
        String rejected = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", rejected, "REJECT", null).statusCode(400).body("errors[0].field", equalTo("reason"));
        vote("council.tombouctou", rejected, "REJECT", "hors priorités").statusCode(200);
        vote("council.vijayawada", rejected, "REJECT", "budget").statusCode(200).body("status", equalTo("REJECTED"));

        String tied = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", tied, "APPROVE", null).statusCode(200);
        vote("council.vijayawada", tied, "REJECT", "pas maintenant").statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        // One vote per member, changeable until the decision: changing it decides.
        vote("council.vijayawada", tied, "ABSTAIN", null).statusCode(200).body("status", equalTo("APPROVED"))
                .body("votes", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void changesRequestedThenResubmittedStartsANewRound() {
        String id = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", id, "REQUEST_CHANGES", "préciser le besoin").statusCode(200);
        vote("council.vijayawada", id, "ABSTAIN", null).statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));
        Map<String, Object> changed = Calls.request("es-semara", "Demande précisée");
        as("partner.es-semara").body(changed).put("/api/requests/" + id).then().statusCode(403);
        as("partner.agadez").body(changed).put("/api/requests/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("title", equalTo("Demande précisée"))
                .body("votes", org.hamcrest.Matchers.empty());
    }

    @Test
    void aCouncilMemberNeverVotesOnTheirOwnCitysRequest() {
        String id = Calls.submit("partner.es-semara", "tombouctou");
        vote("council.tombouctou", id, "APPROVE", null).statusCode(403)
                .body("type", equalTo("urn:twinning:problem:conflict-of-interest"))
                .body("detail", org.hamcrest.Matchers.containsString("tombouctou"));
        as("partner.es-semara").get("/api/requests/" + id).then().body("votes", org.hamcrest.Matchers.empty());
    }

    @Test
    void aPartnerActsForItsOwnCityOnly() {
        Map<String, Object> body = Calls.request("es-semara", "Pour une autre ville");
        body.put("requestingParty", "banjul"); // ignored: the requester is always the token's city
        String id = as("partner.agadez").body(body).post("/api/requests").then().statusCode(201)
                .body("requestingParty", equalTo("agadez")).extract().path("id");
        as("partner.banjul").get("/api/requests/" + id).then().statusCode(403).contentType("application/problem+json");
        as("partner.banjul").get("/api/requests").then().statusCode(200).body("items.id", not(hasItem(id)));
        // Tangier and Es-Semara are bound by no agreement, in the test data or the demo data
        as("partner.tangier").body(Calls.request("es-semara", "x")).post("/api/requests").then().statusCode(422)
                .body("type", equalTo("urn:twinning:problem:no-agreement-in-force"));
        as("partner.agadez").body(Map.of("reason", "x")).post("/api/requests/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as("council.tombouctou").body(Calls.request("es-semara", "x")).post("/api/requests").then().statusCode(403);
    }

    @Test
    void aRetriedSubmissionWithTheSameKeyCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Calls.request("es-semara", "Idempotente");
        String first = as("partner.agadez").header("Idempotency-Key", key).body(body).post("/api/requests").then()
                .statusCode(201).extract().path("id");
        String again = as("partner.agadez").header("Idempotency-Key", key).body(body).post("/api/requests").then()
                .statusCode(200).extract().path("id");
        assertEquals(first, again);
        assertEquals(1, as("partner.agadez").get("/api/requests?limit=200").then().extract().jsonPath()
                .getList("items.title").stream().filter("Idempotente"::equals).count());
    }

    @Test
    void badSubmissionsNameTheirFields() {
        Map<String, Object> body = Calls.request("es-semara", "x");
        body.put("window", Map.of("start", "2020-01-01", "end", "2019-01-01"));
        body.put("domain", "alchemy");
        as("partner.agadez").body(body).post("/api/requests").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("domain", "window.start", "window.end"));
        Map<String, Object> missing = Calls.request("es-semara", "x");
        missing.remove("need");
        missing.put("participants", -3);
        as("partner.agadez").body(missing).post("/api/requests").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("need", "participants"));
        as("partner.agadez").body("{\"window\": \"soon\"}").post("/api/requests").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
