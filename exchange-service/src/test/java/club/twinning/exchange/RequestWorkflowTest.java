package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static club.twinning.exchange.Calls.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The council's policy with real tokens: quorum both ways, ties, conflicts of interest, city scoping. */
@QuarkusTest
class RequestWorkflowTest extends AgadezEsSemaraTwinned {

    @BeforeAll
    void twinnings() {
        Network.expertise("es-semara", List.of("desert-land-management"));
        Network.agreementInForce(events, "es-semara", "tombouctou");
    }

    @Test
    void twoApprovalsDecideAndTheTallyIsVisibleToBothCities() {
        String id = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", id, "APPROVE", null).statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        vote("council.vijayawada", id, "APPROVE", "utile").statusCode(200).body("status", equalTo("APPROVED"))
                .body("tally.approve", equalTo(2));
        as("partner.es-semara").get("/api/requests/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("votes.voter", hasItem("council.vijayawada"))
                .body("history.findAll { it.kind == 'STATUS' }.to", equalTo(List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")))
                .body("history.findAll { it.kind == 'VOTE' }.actor", equalTo(List.of("council.tombouctou", "council.vijayawada")));
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
        // One current vote per member, changeable until the decision: changing it decides; the earlier one is kept.
        vote("council.vijayawada", tied, "ABSTAIN", null).statusCode(200).body("status", equalTo("APPROVED"))
                .body("votes", org.hamcrest.Matchers.hasSize(3))
                .body("votes.findAll { it.superseded }.choice", equalTo(List.of("REJECT")))
                .body("votes.findAll { !it.superseded }.choice", equalTo(List.of("APPROVE", "ABSTAIN")))
                .body("tally.approve", equalTo(1)).body("tally.reject", equalTo(0)).body("tally.abstain", equalTo(1));
        as("partner.agadez").get("/api/requests/" + tied).then()
                .body("history.findAll { it.kind == 'VOTE' }.vote", equalTo(List.of("APPROVE", "REJECT", "ABSTAIN")))
                .body("history.findAll { it.kind == 'VOTE' }.superseded", equalTo(List.of(false, true, false)))
                .body("history.find { it.kind == 'VOTE' && it.superseded }.reason", equalTo("pas maintenant"));
    }

    @Test
    void aMemberWhoChangesTheirMindTwiceCountsOnceWithTheLatestVote() {
        String id = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", id, "REJECT", "non").statusCode(200);
        vote("council.tombouctou", id, "APPROVE", null).statusCode(200);
        vote("council.tombouctou", id, "REJECT", "finalement non").statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .body("tally.reject", equalTo(1)).body("tally.approve", equalTo(0))
                .body("votes.superseded", equalTo(List.of(true, true, false)));
        // Still one member: the quorum of two is not reached by three votes of the same member.
        vote("council.vijayawada", id, "REJECT", "budget").statusCode(200).body("status", equalTo("REJECTED"))
                .body("tally.reject", equalTo(2));
    }

    @Test
    void changesRequestedThenResubmittedStartsANewRound() {
        String id = Calls.submit("partner.agadez", "es-semara");
        vote("council.tombouctou", id, "REQUEST_CHANGES", "préciser le besoin").statusCode(200);
        vote("council.vijayawada", id, "ABSTAIN", null).statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));
        Map<String, Object> changed = Calls.request("es-semara", "Demande précisée");
        String read = Calls.etag("partner.agadez", "/api/requests/" + id);
        as("partner.es-semara").header("If-Match", read).body(changed).put("/api/requests/" + id).then().statusCode(403);
        as("partner.agadez").body(changed).put("/api/requests/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("currentEtag", equalTo(read));
        as("partner.agadez").header("If-Match", "\"0\"").body(changed).put("/api/requests/" + id).then().statusCode(412)
                .body("type", equalTo("urn:twinning:problem:stale-version"));
        String after = as("partner.agadez").header("If-Match", read).body(changed).put("/api/requests/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("title", equalTo("Demande précisée"))
                // A new round: the earlier round's votes are kept, superseded, and count no more.
                .body("votes", org.hamcrest.Matchers.hasSize(2)).body("votes.superseded", equalTo(List.of(true, true)))
                .body("tally.requestChanges", equalTo(0)).body("tally.abstain", equalTo(0))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, after, "the resubmission answers with its new ETag");
        // The ETag the requester read before is stale now.
        as("partner.agadez").header("If-Match", read).body(Map.of("reason", "x")).post("/api/requests/" + id + "/withdrawal")
                .then().statusCode(412);
        vote("council.tombouctou", id, "APPROVE", null).statusCode(200).body("tally.approve", equalTo(1))
                .body("status", equalTo("UNDER_REVIEW"));
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
        // Asking for another city's list still answers the partner's own.
        as("partner.banjul").get("/api/requests?city=agadez").then().statusCode(200).body("items.id", not(hasItem(id)));
        // Only the requesting city changes its request: the partner city reads it but does not withdraw it.
        as("partner.es-semara").header("If-Match", Calls.etag("partner.es-semara", "/api/requests/" + id))
                .body(Map.of("reason", "x")).post("/api/requests/" + id + "/withdrawal").then().statusCode(403)
                .body("type", equalTo("urn:twinning:problem:not-requester"));
        // Tangier and Es-Semara are bound by no agreement, in the test data or the demo data
        as("partner.tangier").body(Calls.request("es-semara", "x")).post("/api/requests").then().statusCode(422)
                .body("type", equalTo("urn:twinning:problem:no-agreement-in-force"));
        as("partner.agadez").body(Map.of("reason", "x")).post("/api/requests/" + id + "/withdrawal").then().statusCode(428);
        as("partner.agadez").header("If-Match", Calls.etag("partner.agadez", "/api/requests/" + id))
                .body(Map.of("reason", "x")).post("/api/requests/" + id + "/withdrawal").then().statusCode(200)
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

    @Test
    void aListRefusesACursorItDidNotGiveOutAndALimitOutOfBounds() {
        as("partner.agadez").body(Calls.request("es-semara", "x")).post("/api/requests").then().statusCode(201);
        as("partner.agadez").body(Calls.request("es-semara", "y")).post("/api/requests").then().statusCode(201);
        String next = as("partner.agadez").get("/api/requests?limit=1").then().statusCode(200)
                .body("next", org.hamcrest.Matchers.containsString("cursor=")).extract().path("nextCursor");
        as("partner.agadez").get("/api/requests?limit=1&cursor=" + next).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1));
        String wrongKey = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("yesterday\n" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : List.of("garbage", wrongKey, next.substring(0, next.length() - 4))) {
            as("partner.agadez").get("/api/requests?cursor=" + bad).then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
        as("partner.agadez").get("/api/requests?limit=201").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("partner.agadez").get("/api/visits?limit=1001").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
