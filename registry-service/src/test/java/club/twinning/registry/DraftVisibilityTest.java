package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.state.Step;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementDocument;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.AgreementTransition;
import club.twinning.registry.domain.AgreementType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A draft (DRAFT, NEGOTIATION, PENDING_FORMALITIES, or a negotiation abandoned before signing) and its texts are for
 * the secretariat, the council and its parties: anyone else gets 404 and never finds it in a list.
 */
@QuarkusTest
class DraftVisibilityTest {

    static final String OWN = "draft-own";
    static final String OTHER = "draft-other";
    static final String PARTNER = "draft-partner";
    static final String MARK = "draftvis-" + UUID.randomUUID().toString().substring(0, 8);
    static UUID draft;
    static UUID pending;
    static UUID abandoned;
    static UUID inForce;
    static UUID document;

    @BeforeAll
    static void agreements() {
        Fixtures.municipalities(OWN, OTHER, PARTNER);
        QuarkusTransaction.requiringNew().run(() -> {
            draft = agreement(AgreementStatus.DRAFT);
            pending = agreement(AgreementStatus.PENDING_FORMALITIES);
            abandoned = agreement(AgreementStatus.TERMINATED);
            inForce = agreement(AgreementStatus.IN_FORCE);
            AgreementTransition.of(abandoned, new Step<>(AgreementStatus.NEGOTIATION, AgreementStatus.TERMINATED,
                    "secretariat", "negotiation abandoned", Instant.now())).persist();
            AgreementDocument text = new AgreementDocument();
            text.id = UUID.randomUUID();
            text.agreementId = draft;
            text.language = "fr";
            text.fileName = "projet.pdf";
            text.mediaType = "application/pdf";
            text.content = "%PDF projet".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            text.size = text.content.length;
            text.sha256 = "0".repeat(64);
            text.uploadedBy = "secretariat";
            text.uploadedAt = Instant.now();
            text.persist();
            document = text.id;
        });
    }

    private static UUID agreement(AgreementStatus status) {
        Agreement a = new Agreement();
        a.id = UUID.randomUUID();
        a.reference = MARK + "-" + status.name();
        a.type = AgreementType.TWINNING;
        a.status = status;
        a.titleFr = "Projet " + MARK;
        a.partyCodes = new ArrayList<>(List.of(OWN, PARTNER));
        a.createdAt = Instant.now();
        a.index();
        a.persist();
        return a.id;
    }

    private static List<String> paths(UUID id) {
        return List.of("/api/agreements/" + id, "/api/agreements/" + id + "/history", "/api/agreements/" + id + "/transitions",
                "/api/agreements/" + id + "/documents", "/api/agreements/" + id + "/revisions");
    }

    private static List<String> listed(String query) {
        return given().get("/api/agreements?limit=500&" + query).then().statusCode(200).extract().jsonPath().getList("items.reference");
    }

    @Test
    @TestSecurity(user = "partner.other", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = OTHER))
    void anotherCityGets404AndNeverSeesThemListed() {
        for (UUID id : List.of(draft, pending, abandoned)) {
            for (String path : paths(id)) {
                given().get(path).then().statusCode(404).contentType("application/problem+json");
            }
        }
        given().get("/api/agreements/" + draft + "/documents/" + document).then().statusCode(404);
        given().get("/api/agreements/" + inForce).then().statusCode(200);
        assertTrue(listed("q=" + MARK).equals(List.of(MARK + "-IN_FORCE")), "only the agreement in force: " + listed("q=" + MARK));
        assertFalse(listed("party=" + OWN).contains(MARK + "-DRAFT"));
        assertFalse(listed("party=" + OWN + "&status=DRAFT").contains(MARK + "-DRAFT"));
        assertFalse(listed("status=PENDING_FORMALITIES").contains(MARK + "-PENDING_FORMALITIES"));
        assertFalse(listed("sort=-signedOn").contains(MARK + "-TERMINATED"));
    }

    @Test
    @TestSecurity(user = "partner.party", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = PARTNER))
    void aPartyOfTheAgreementSeesItsDraftsAndTheirTexts() {
        for (UUID id : List.of(draft, pending, abandoned)) {
            for (String path : paths(id)) {
                given().get(path).then().statusCode(200);
            }
        }
        given().get("/api/agreements/" + draft + "/documents/" + document).then().statusCode(200);
        given().get("/api/agreements/" + draft).then().body("status", equalTo("DRAFT"));
        assertTrue(listed("q=" + MARK).containsAll(List.of(MARK + "-DRAFT", MARK + "-PENDING_FORMALITIES", MARK + "-TERMINATED")));
        assertTrue(listed("party=" + PARTNER + "&status=DRAFT").contains(MARK + "-DRAFT"));
    }

    @Test
    @TestSecurity(user = "council.member", roles = "council")
    void theCouncilSeesEveryDraft() {
        for (String path : paths(pending)) {
            given().get(path).then().statusCode(200);
        }
        assertTrue(listed("q=" + MARK).size() == 4);
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void opsIsNoPartyToDrafts() {
        given().get("/api/agreements/" + draft).then().statusCode(404);
        assertTrue(listed("q=" + MARK).equals(List.of(MARK + "-IN_FORCE")));
    }

    @Test
    @TestSecurity(user = "partner.nocity", roles = "partner")
    void aPartnerTokenWithoutCitySeesNoDraft() {
        given().get("/api/agreements/" + draft).then().statusCode(404);
    }
}
