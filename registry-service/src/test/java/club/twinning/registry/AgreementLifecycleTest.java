package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import club.twinning.registry.domain.AgreementStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "secretariat", roles = "secretariat")
class AgreementLifecycleTest {

    private String agreementBetweenNewParties() {
        String a = Fixtures.createParty("life-a");
        String b = Fixtures.createParty("life-b");
        return Fixtures.createAgreement(Fixtures.unique("REF"), List.of(a, b));
    }

    @Test
    void everyAllowedTransitionWorksAndIsRecordedWithWhoAndWhy() {
        // Walk each edge of the state machine once, on agreements that reach its source state.
        for (AgreementStatus from : AgreementStatus.values()) {
            for (AgreementStatus to : from.next()) {
                String id = agreementBetweenNewParties();
                for (String step : pathTo(from)) {
                    Fixtures.move(id, step);
                }
                Fixtures.move(id, to.name());
                given().get("/api/agreements/" + id).then().body("status", equalTo(to.name()));
            }
        }
        String id = agreementBetweenNewParties();
        Fixtures.bringIntoForce(id);
        given().get("/api/agreements/" + id + "/history").then().statusCode(200)
                .body("action", hasItems("created", "transition"))
                .body("findAll { it.action == 'transition' }.to",
                        equalTo(List.of("NEGOTIATION", "PENDING_FORMALITIES", "SIGNED", "IN_FORCE")))
                .body("findAll { it.action == 'transition' }.actor", hasItems("secretariat"))
                .body("findAll { it.action == 'transition' }.reason", hasItems("test step"));
    }

    @Test
    void aForbiddenTransitionIs409ListingTheAllowedOnes() {
        String id = agreementBetweenNewParties();
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", "IN_FORCE", "reason", "too fast"))
                .post("/api/agreements/" + id + "/transitions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("allowed", containsInAnyOrder("NEGOTIATION", "TERMINATED"))
                .body("from", equalTo("DRAFT"));
        given().get("/api/agreements/" + id).then().body("status", equalTo("DRAFT")).header("ETag", equalTo(etag));
    }

    @Test
    void aStaleWriteIs412AndAMissingIfMatchIs428() {
        String id = agreementBetweenNewParties();
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        Fixtures.move(id, "NEGOTIATION");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", "DRAFT", "reason", "x"))
                .post("/api/agreements/" + id + "/transitions").then().statusCode(412);
        Map<String, Object> edit = new HashMap<>(given().get("/api/agreements/" + id).then().extract().as(Map.class));
        given().contentType(ContentType.JSON).body(Fixtures.agreement((String) edit.get("reference"), parties(edit)))
                .put("/api/agreements/" + id).then().statusCode(428);
    }

    @Test
    void anAgreementNeedsTwoKnownPartiesAndKnownDomains() {
        String a = Fixtures.createParty("val");
        Map<String, Object> one = new HashMap<>(Fixtures.agreement(Fixtures.unique("R"), List.of(a, a)));
        given().contentType(ContentType.JSON).body(Map.of("reference", "R1", "type", "TWINNING", "titleFr", "x",
                "parties", List.of(a))).post("/api/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("parties"));
        given().contentType(ContentType.JSON).body(one).post("/api/agreements").then().statusCode(400)
                .body("errors.field", hasItems("parties"));
        given().contentType(ContentType.JSON).body(Fixtures.agreement(Fixtures.unique("R"), List.of(a, "no-such-party")))
                .post("/api/agreements").then().statusCode(400).body("errors.field", hasItems("parties[1]"));
        Map<String, Object> badDomain = new HashMap<>(Fixtures.agreement(Fixtures.unique("R"), List.of(a, Fixtures.createParty("val"))));
        badDomain.put("domains", List.of("culture", "alchemy"));
        given().contentType(ContentType.JSON).body(badDomain).post("/api/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("domains[1]"));
        Map<String, Object> badType = new HashMap<>(badDomain);
        badType.put("type", "ALLIANCE");
        given().contentType(ContentType.JSON).body(badType).post("/api/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void signedTextsAreStoredWithTheirHashAndDownloadable() {
        String id = agreementBetweenNewParties();
        byte[] pdf = "%PDF-1.4 accord signé".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String href = given().contentType("application/pdf").body(pdf)
                .post("/api/agreements/" + id + "/documents?language=fr&fileName=accord-fr.pdf").then().statusCode(201)
                .body("size", equalTo(pdf.length))
                .body("sha256", equalTo(sha256(pdf))).extract().path("href");
        byte[] back = given().get(href).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, back);
        given().contentType("application/pdf").body(pdf).post("/api/agreements/" + id + "/documents?language=de")
                .then().statusCode(400).body("errors[0].field", equalTo("language"));
    }

    @Test
    @TestSecurity(user = "partner.es-semara", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = "es-semara"))
    void onlyTheSecretariatWritesAgreements() {
        given().contentType(ContentType.JSON).body(Fixtures.agreement("X", List.of("a", "b"))).post("/api/agreements")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/agreements").then().statusCode(200);
    }

    private static List<String> pathTo(AgreementStatus target) {
        List<String> path = new ArrayList<>();
        List<AgreementStatus> main = List.of(AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION,
                AgreementStatus.PENDING_FORMALITIES, AgreementStatus.SIGNED, AgreementStatus.IN_FORCE);
        if (target == AgreementStatus.SUSPENDED) {
            path.addAll(pathTo(AgreementStatus.IN_FORCE));
            path.add("SUSPENDED");
            return path;
        }
        if (target == AgreementStatus.TERMINATED || target == AgreementStatus.EXPIRED) {
            return path; // final states: no edge leaves them
        }
        for (AgreementStatus s : main.subList(1, main.indexOf(target) + 1)) {
            path.add(s.name());
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static List<String> parties(Map<String, Object> agreement) {
        return (List<String>) agreement.get("parties");
    }

    private static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
