package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A signed agreement's text changes only with a reason, and the text it replaced is kept and readable. */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class) // the edit, then who reads it
class AgreementRevisionTest {

    static String inForce;

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void anEditInForceNeedsAReasonAndKeepsThePreviousText() {
        String a = Fixtures.createParty("rev-a");
        String b = Fixtures.createParty("rev-b");
        String reference = Fixtures.unique("REV");
        String id = Fixtures.createAgreement(reference, List.of(a, b));
        // A draft changes freely.
        Map<String, Object> edit = new HashMap<>(Fixtures.agreement(reference, List.of(a, b)));
        edit.put("titleFr", "Jumelage, projet 2");
        put(id, edit).statusCode(200);
        Fixtures.bringIntoForce(id);
        given().get("/api/agreements/" + id + "/revisions").then().statusCode(200).body("", hasSize(0));

        edit.put("titleFr", "Jumelage, texte corrigé");
        edit.put("effectiveFrom", "2025-10-31");
        put(id, edit).statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().get("/api/agreements/" + id).then().body("titleFr", equalTo("Jumelage, projet 2"));

        edit.put("reason", "coquille dans le titre, corrigée d'après le texte signé");
        put(id, edit).statusCode(200).body("titleFr", equalTo("Jumelage, texte corrigé"));
        given().get("/api/agreements/" + id + "/revisions").then().statusCode(200).body("", hasSize(1))
                .body("[0].number", equalTo(1)).body("[0].status", equalTo("IN_FORCE"))
                .body("[0].actor", equalTo("secretariat"))
                .body("[0].reason", equalTo("coquille dans le titre, corrigée d'après le texte signé"))
                .body("[0].previous.titleFr", equalTo("Jumelage, projet 2"))
                .body("[0].previous.reference", equalTo(reference));

        // The same text again is no edit: no reason needed, no revision.
        edit.remove("reason");
        put(id, edit).statusCode(200);
        // An edit may not take away the evidence of signing or the date of effect.
        edit.put("reason", "retrait");
        edit.remove("signedOn");
        edit.remove("effectiveFrom");
        put(id, edit).statusCode(422).body("missing", org.hamcrest.Matchers.containsInAnyOrder("signedOn", "effectiveFrom"));
        given().get("/api/agreements/" + id + "/revisions").then().body("", hasSize(1));
        inForce = id;
    }

    @Test
    @TestSecurity(user = "partner.elsewhere", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = "elsewhere"))
    void whoMayReadTheAgreementReadsItsRevisions() {
        org.junit.jupiter.api.Assertions.assertNotNull(inForce, "the edit test ran first");
        given().get("/api/agreements/" + inForce + "/revisions").then().statusCode(200).body("", hasSize(1));
        given().get("/api/agreements/" + java.util.UUID.randomUUID() + "/revisions").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse put(String id, Map<String, Object> body) {
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body).put("/api/agreements/" + id).then();
    }
}
