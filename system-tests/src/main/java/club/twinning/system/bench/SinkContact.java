package club.twinning.system.bench;

import static io.restassured.RestAssured.given;

import club.twinning.system.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** An Es-Semara contact whose webhook is the bench's sink: made (or re-enabled) for the run, switched off after it. */
public final class SinkContact {

    static final String EMAIL = "bench-sink@es-semara.example.org";

    private SinkContact() {
    }

    public static String enable() throws InterruptedException {
        String token = Stack.token("secretariat");
        List<Map<String, Object>> contacts = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/parties/es-semara/contacts")
                .then().statusCode(200).extract().path("");
        String id = contacts.stream().filter(c -> EMAIL.equals(c.get("email"))).map(c -> (String) c.get("id")).findFirst()
                .orElse(null);
        if (id == null) {
            id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body(true))
                    .post(Stack.REGISTRY + "/api/parties/es-semara/contacts").then().statusCode(201).extract().path("id");
        } else {
            update(id, true);
        }
        // notification-service learns of the contact from its event; then it can hold the contact's secret.
        for (int i = 0; i < 120; i++) {
            if (given().auth().oauth2(token).post(Stack.NOTIFICATION + "/api/contacts/" + id + "/webhook-secret").statusCode() == 200) {
                Thread.sleep(2000); // the contact's latest version (active, this URL) reaches the read model too
                return id;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("notification-service never learnt of contact " + id);
    }

    public static void disable(String id) {
        update(id, false);
    }

    private static void update(String id, boolean active) {
        String token = Stack.token("secretariat");
        Response current = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/contacts/" + id);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", current.getHeader("ETag")).body(body(active))
                .put(Stack.REGISTRY + "/api/contacts/" + id).then().statusCode(200);
    }

    private static Map<String, Object> body(boolean active) {
        return Map.of("name", "Bench webhook sink", "email", EMAIL, "language", "fr", "channels", List.of("webhook"),
                "webhookUrl", WebhookSink.url(), "councilMember", false, "active", active);
    }
}
