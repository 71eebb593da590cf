package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.twinning.registry.domain.AuditEntry;
import club.twinning.registry.domain.Contact;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whether a contact is the council's address is the secretariat's to say, and every change of it is audited. */
@QuarkusTest
class CouncilFlagTest {

    static final String CITY = "flag-city";

    @BeforeEach
    void city() {
        Fixtures.municipalities(CITY);
    }

    /** A contact of the city as the secretariat left it, straight in the database. */
    static UUID contact(boolean council) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact c = new Contact();
            c.id = UUID.randomUUID();
            c.partyCode = CITY;
            c.name = "Council address";
            c.email = "council-" + c.id.toString().substring(0, 8) + "@example.org";
            c.language = "fr";
            c.channels = new java.util.ArrayList<>(List.of("email"));
            c.councilMember = council;
            c.persist();
            return c.id;
        });
    }

    @Test
    @TestSecurity(user = "partner.flag", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = CITY))
    void aPartnerOfItsOwnCityCannotMakeAContactTheCouncils() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Self-appointed", "email", "self@example.org", "councilMember", true))
                .post("/api/parties/" + CITY + "/contacts").then().statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("councilMember")).body("field", equalTo("councilMember"));
        // Saying false, or nothing, is what a partner's form does: that works.
        String plain = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Plain", "email", "plain@example.org", "councilMember", false))
                .post("/api/parties/" + CITY + "/contacts").then().statusCode(201).body("councilMember", equalTo(false))
                .extract().path("id");
        String etag = given().get("/api/contacts/" + plain).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Plain", "email", "plain@example.org", "councilMember", true))
                .put("/api/contacts/" + plain).then().statusCode(403).body("errors[0].field", equalTo("councilMember"));
        given().get("/api/contacts/" + plain).then().body("councilMember", equalTo(false)).header("ETag", equalTo(etag));
    }

    @Test
    @TestSecurity(user = "partner.flag", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = CITY))
    void aPartnerEditsTheCouncilsAddressWithoutUnsettingIt() {
        String id = contact(true).toString();
        String etag = given().get("/api/contacts/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> edit = new HashMap<>(Map.of("name", "Council address", "email", "new-council@example.org"));
        // The field left out: kept as it is.
        etag = given().contentType(ContentType.JSON).header("If-Match", etag).body(edit).put("/api/contacts/" + id)
                .then().statusCode(200).body("councilMember", equalTo(true)).body("email", equalTo("new-council@example.org"))
                .extract().header("ETag");
        edit.put("councilMember", true); // its current value repeated: no change, allowed
        etag = given().contentType(ContentType.JSON).header("If-Match", etag).body(edit).put("/api/contacts/" + id)
                .then().statusCode(200).extract().header("ETag");
        edit.put("councilMember", false); // unsetting it is a change as well
        given().contentType(ContentType.JSON).header("If-Match", etag).body(edit).put("/api/contacts/" + id)
                .then().statusCode(403).body("errors[0].field", equalTo("councilMember"));
        assertEquals(0, flagChanges(id).size());
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void theSecretariatSetsAndChangesItAndEachChangeIsAudited() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Council", "email", "council@example.org", "councilMember", true))
                .post("/api/parties/" + CITY + "/contacts").then().statusCode(201).body("councilMember", equalTo(true))
                .extract().path("id");
        String etag = given().get("/api/contacts/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Council", "email", "council@example.org", "councilMember", false))
                .put("/api/contacts/" + id).then().statusCode(200).body("councilMember", equalTo(false));

        List<AuditEntry> changes = flagChanges(id);
        assertEquals(2, changes.size());
        assertEquals(Map.of("from", false, "to", true), changes.get(0).detail);
        assertEquals(Map.of("from", true, "to", false), changes.get(1).detail);
        assertEquals("secretariat", changes.get(1).actor);
        given().get("/api/contacts/" + id + "/history").then().statusCode(200)
                .body("action", hasItem("council-flag"))
                .body("findAll { it.action == 'council-flag' }.detail.to", equalTo(List.of(true, false)));
    }

    private static List<AuditEntry> flagChanges(String id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "resourceType = 'contact' and resourceId = ?1 and action = 'council-flag' order by at", id));
    }
}
