package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIGNED needs when, where and by whom; IN_FORCE a date of effect and the parties' formalities, or a waiver. */
@QuarkusTest
@TestSecurity(user = "secretariat", roles = "secretariat")
class SigningEvidenceTest {

    /** An agreement between two Moroccan communes, as a bare draft: no date, place, signatory or date of effect. */
    private static String bareDraft(String country) {
        String a = party(country);
        String b = party(country);
        return given().contentType(ContentType.JSON).body(Map.of("reference", Fixtures.unique("EVI"), "type", "TWINNING",
                        "titleFr", "Jumelage sans preuves", "parties", List.of(a, b)))
                .post("/api/agreements").then().statusCode(201).extract().path("id");
    }

    private static String party(String country) {
        Map<String, Object> party = new HashMap<>(Fixtures.party(Fixtures.unique("evi")));
        party.put("country", country);
        given().contentType(ContentType.JSON).body(party).post("/api/parties").then().statusCode(201);
        return (String) party.get("code");
    }

    private static ValidatableResponse move(String id, Map<String, Object> body) {
        String etag = given().get("/api/agreements/" + id).then().statusCode(200).extract().header("ETag");
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/agreements/" + id + "/transitions").then();
    }

    private static String partyOf(String id) {
        return given().get("/api/agreements/" + id).then().extract().path("parties[0]");
    }

    private static void toPending(String id) {
        Fixtures.move(id, "NEGOTIATION");
        Fixtures.move(id, "PENDING_FORMALITIES");
    }

    /** A bare draft between two communes of {@code country}, signed on 2025-10-31 at {@code place} by one signatory. */
    private static String signed(String country, String place, String signatory) {
        String id = bareDraft(country);
        toPending(id);
        move(id, Map.of("to", "SIGNED", "reason", "signed", "signedOn", "2025-10-31", "place", place,
                "signatories", List.of(Map.of("name", signatory, "partyCode", partyOf(id))))).statusCode(200);
        return id;
    }

    @Test
    void signingWithoutDatePlaceOrSignatoriesIs422ListingEachAndChangesNothing() {
        String id = bareDraft("MA");
        toPending(id);
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        move(id, Map.of("to", "SIGNED", "reason", "signed")).statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("signedOn", "place", "signatories"))
                .body("missing", containsInAnyOrder("signedOn", "place", "signatories"));
        // Part of the evidence is not enough, and what was given is not kept when the move is refused.
        move(id, Map.of("to", "SIGNED", "reason", "signed", "signedOn", "2025-10-31", "place", "Es-Semara"))
                .statusCode(422).body("errors.field", equalTo(List.of("signatories")));
        given().get("/api/agreements/" + id).then().body("status", equalTo("PENDING_FORMALITIES"))
                .body("signedOn", nullValue()).header("ETag", equalTo(etag));
        move(id, Map.of("to", "SIGNED", "reason", "signed", "signedOn", "2999-01-01", "place", "Es-Semara",
                "signatories", List.of(Map.of("name", "M. B. Chérif", "partyCode", partyOf(id)))))
                .statusCode(422).body("errors.field", equalTo(List.of("signedOn")));
    }

    @Test
    void evidenceGivenWithTheMoveIsRecordedAndAudited() {
        String id = bareDraft("MA");
        toPending(id);
        String party = partyOf(id);
        move(id, Map.of("to", "SIGNED", "reason", "signed at the ceremony", "signedOn", "2025-10-31", "place", "Es-Semara",
                "signatories", List.of(Map.of("name", "Moulay Brahim Chérif", "title", "Président", "partyCode", party))))
                .statusCode(200).body("status", equalTo("SIGNED")).body("signedOn", equalTo("2025-10-31"))
                .body("place", equalTo("Es-Semara")).body("signatories[0].name", equalTo("Moulay Brahim Chérif"));
        given().get("/api/agreements/" + id + "/history").then().body("action", hasItem("evidence"));
        // Evidence belongs with the move that needs it.
        move(id, Map.of("to", "TERMINATED", "reason", "x", "effectiveFrom", "2025-11-01")).statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void inForceNeedsADateOfEffectAndTheFormalitiesOfAMoroccanCommune() {
        String id = signed("MA", "Es-Semara", "A");
        move(id, Map.of("to", "IN_FORCE", "reason", "in force")).statusCode(422)
                .body("errors.field", containsInAnyOrder("effectiveFrom", "formalities.councilDeliberationNumber",
                        "formalities.councilDeliberationDate", "formalities.authorityApprovalReference"));
        move(id, Map.of("to", "IN_FORCE", "reason", "in force", "effectiveFrom", "2025-10-30",
                "formalities", Map.of("councilDeliberationNumber", "17/2025"))).statusCode(422)
                .body("errors.field", containsInAnyOrder("effectiveFrom", // before the signature
                        "formalities.councilDeliberationDate", "formalities.authorityApprovalReference"));
        move(id, Map.of("to", "IN_FORCE", "reason", "in force", "effectiveFrom", "2025-11-15",
                "formalities", Fixtures.FORMALITIES)).statusCode(200).body("status", equalTo("IN_FORCE"))
                .body("effectiveFrom", equalTo("2025-11-15"))
                .body("formalities.councilDeliberationNumber", equalTo("D-2025-17"))
                .body("formalities.authorityApprovalReference", equalTo("VISA-DGCT-2025-0042"))
                .body("formalities.waiver", nullValue());
    }

    @Test
    void theSecretariatMayWaiveMissingFormalitiesWithAReasonAndTheWaiverIsAudited() {
        String id = signed("MA", "Es-Semara", "A");
        // A waiver covers the formalities, never the date of effect.
        move(id, Map.of("to", "IN_FORCE", "reason", "in force", "formalitiesWaiver", "pièces non reçues"))
                .statusCode(422).body("errors.field", equalTo(List.of("effectiveFrom")));
        move(id, Map.of("to", "IN_FORCE", "reason", "in force", "effectiveFrom", "2025-10-31",
                "formalities", Map.of("councilDeliberationNumber", "17/2025"),
                "formalitiesWaiver", "délibération et visa non reçus par le secrétariat")).statusCode(200)
                .body("formalities.councilDeliberationNumber", equalTo("17/2025"))
                .body("formalities.waiver.reason", equalTo("délibération et visa non reçus par le secrétariat"))
                .body("formalities.waiver.by", equalTo("secretariat"))
                .body("formalities.waiver.waived", containsInAnyOrder("formalities.councilDeliberationDate",
                        "formalities.authorityApprovalReference"));
        given().get("/api/agreements/" + id + "/history").then()
                .body("find { it.action == 'formalities-waived' }.actor", equalTo("secretariat"))
                .body("find { it.action == 'formalities-waived' }.detail.reason", equalTo("délibération et visa non reçus par le secrétariat"));
        // Suspended and resumed: the waiver given stands.
        Fixtures.move(id, "SUSPENDED");
        move(id, Map.of("to", "IN_FORCE", "reason", "resumed")).statusCode(200);
    }

    @Test
    void partiesWithNoKnownFormalityNeedOnlyTheDateOfEffect() {
        String id = signed("NE", "Agadez", "Al Mustapha Assarid");
        move(id, Map.of("to", "IN_FORCE", "reason", "in force")).statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("effectiveFrom"));
        move(id, Map.of("to", "IN_FORCE", "reason", "in force", "effectiveFrom", "2025-10-31")).statusCode(200)
                .body("status", equalTo("IN_FORCE"));
        given().get("/public/agreements").then().body("find { it.id == '" + id + "' }.signedOn", equalTo("2025-10-31"))
                .body("find { it.id == '" + id + "' }.effectiveFrom", equalTo("2025-10-31"));
        given().get("/api/agreements/" + id + "/history").then()
                .body("findAll { it.action == 'transition' }.to", hasItems("SIGNED", "IN_FORCE"));
    }
}
