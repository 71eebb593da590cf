package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook URL pointing inside (private, loopback, link-local metadata, unique-local, IPv4-mapped, CGNAT) is refused
 * when a contact is saved, created or updated: 400 problem+json naming webhookUrl with the reason's category. The test
 * profile allows 127.0.0.1 (the tests' receivers), as the local stack does.
 */
@QuarkusTest
@TestSecurity(user = "secretariat", roles = "secretariat")
class WebhookUrlTest {

    private static Map<String, Object> contact(String url) {
        return Map.of("name", "Hook", "email", "hook@example.org", "channels", List.of("email", "webhook"), "webhookUrl", url);
    }

    @Test
    void insideAddressesAreRefusedOnCreate() {
        String code = Fixtures.createParty("hooks");
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "https://10.0.0.5/hook", "https://192.168.1.1/",
                "https://172.16.0.1/", "https://100.64.0.1/", "https://[::1]/", "https://[fd00::1]/",
                "https://[::ffff:169.254.169.254]/", "https://127.0.0.2:8443/", "https://0.0.0.0/")) {
            given().contentType(ContentType.JSON).body(contact(url)).post("/api/parties/" + code + "/contacts")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("webhookUrl"))
                    .body("errors[0].message", startsWith("address-not-allowed: "))
                    .body("reason", equalTo("address-not-allowed"));
        }
        given().contentType(ContentType.JSON).body(contact("https://user:pw@partner.example.org/hook"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("webhookUrl")).body("reason", equalTo("malformed-url"));
        given().contentType(ContentType.JSON).body(contact("https://2130706433/hook"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(400).body("reason", equalTo("malformed-url"));
        // Nothing was saved by the refusals.
        given().get("/api/parties/" + code + "/contacts").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void publicEndpointsAndTheAllowedLoopbackAreSavedAndAnUpdateIsCheckedToo() {
        String code = Fixtures.createParty("hooks");
        given().contentType(ContentType.JSON).body(contact("http://127.0.0.1:9099/hook"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(201);
        var created = given().contentType(ContentType.JSON).body(contact("https://partner.example.org/hooks"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        given().contentType(ContentType.JSON).header("If-Match", etag).body(contact("https://169.254.169.254/"))
                .put("/api/contacts/" + id).then().statusCode(400).body("errors[0].field", equalTo("webhookUrl"))
                .body("detail", containsString("169.254.169.254"));
        given().get("/api/contacts/" + id).then().statusCode(200).body("webhookUrl", equalTo("https://partner.example.org/hooks"));
    }

    @Test
    void aNameIsNotLookedUpOnSave() {
        // Whether a name resolves, and where, is checked by notification-service right before each send: answering
        // differently here would tell a partner which inside names exist.
        String code = Fixtures.createParty("hooks");
        given().contentType(ContentType.JSON).body(contact("https://no-such-host.invalid/hook"))
                .post("/api/parties/" + code + "/contacts").then().statusCode(201);
    }
}
