package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

@QuarkusTest
class PartiesAndContactsTest {

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void theSecretariatRecordsAPartyAndUpdatesItWithItsETag() {
        String code = Fixtures.createParty("ville");
        String etag = given().get("/api/parties/" + code).then().statusCode(200)
                .body("nameFr", equalTo("Ville " + code)).extract().header("ETag");
        Map<String, Object> changed = new HashMap<>(Fixtures.party(code));
        changed.put("region", "Sakia El Hamra");
        given().contentType(ContentType.JSON).body(changed).put("/api/parties/" + code)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body(changed).put("/api/parties/" + code)
                .then().statusCode(412).body("currentEtag", equalTo(etag));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(changed).put("/api/parties/" + code)
                .then().statusCode(200).body("region", equalTo("Sakia El Hamra"));
        given().get("/api/parties/" + code + "/history").then().statusCode(200)
                .body("action", containsInAnyOrder("created", "updated")).body("actor", hasItem("secretariat"));
        given().contentType(ContentType.JSON).body(Fixtures.party(code)).post("/api/parties").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void badInputNamesEachFieldAndWritesNothing() {
        Map<String, Object> bad = new HashMap<>(Fixtures.party("Not A Slug"));
        bad.put("country", "Morocco");
        bad.put("latitude", 91);
        given().contentType(ContentType.JSON).body(bad).post("/api/parties").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("code", "country", "latitude"));
        Map<String, Object> unknownDomain = new HashMap<>(Fixtures.party(Fixtures.unique("ok")));
        unknownDomain.put("expertiseDomains", List.of("astrology"));
        given().contentType(ContentType.JSON).body(unknownDomain).post("/api/parties").then().statusCode(400)
                .body("errors[0].field", equalTo("expertiseDomains[0]"));
        given().get("/api/parties/" + unknownDomain.get("code")).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"code\": ").post("/api/parties").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner.es-semara", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = "es-semara"))
    void aPartnerWritesNoPartyButReadsThem() {
        given().contentType(ContentType.JSON).body(Fixtures.party(Fixtures.unique("x"))).post("/api/parties")
                .then().statusCode(403);
        given().get("/api/parties").then().statusCode(200);
    }

    @Test
    void nobodyAnonymousReadsTheRegisterApi() {
        given().get("/api/parties").then().statusCode(401);
        given().get("/api/agreements").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void contactsNeedAnAddressAndAWebhookUrlForTheWebhookChannel() {
        String code = Fixtures.createParty("contacts");
        given().contentType(ContentType.JSON).body(Map.of("name", "N", "email", "not-an-email"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(Map.of("name", "N", "email", "n@example.org", "channels", List.of("webhook")))
                .post("/api/parties/" + code + "/contacts").then().statusCode(400).body("errors[0].field", equalTo("webhookUrl"));
        given().contentType(ContentType.JSON).body(Map.of("name", "N", "email", "n@example.org"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(201)
                .body("language", equalTo("fr")).body("channels", equalTo(List.of("email")));
        given().get("/api/parties/" + code + "/contacts").then().statusCode(200).body("$", hasSize(1));
    }
}
