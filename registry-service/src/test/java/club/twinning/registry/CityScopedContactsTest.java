package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner reads and updates its own city's contacts, never another city's. */
@QuarkusTest
class CityScopedContactsTest {

    @BeforeEach
    void cities() {
        Fixtures.municipalities("scoped-own", "scoped-other");
    }

    @Test
    @TestSecurity(user = "partner.own", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = "scoped-own"))
    void ownCityOnly() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Own", "email", "own@example.org"))
                .post("/api/parties/scoped-own/contacts").then().statusCode(201).extract().path("id");
        String etag = given().get("/api/contacts/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Own", "email", "own@example.org", "language", "ar"))
                .put("/api/contacts/" + id).then().statusCode(200).body("language", equalTo("ar"));

        given().get("/api/parties/scoped-other/contacts").then().statusCode(403)
                .contentType("application/problem+json").body("title", equalTo("Not your city"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Intruder", "email", "x@example.org"))
                .post("/api/parties/scoped-other/contacts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council.member", roles = "council")
    void councilMembersDoNotManageContacts() {
        given().get("/api/parties/scoped-own/contacts").then().statusCode(403);
    }
}
