package club.twinning.system.drill;

import static io.restassured.RestAssured.given;

import club.twinning.system.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * The partner contacts whose webhook is one of the {@link Receiver}'s paths: made (or switched on again) through the
 * registry for a drill, switched off after it, so that the demo's own contacts are untouched.
 */
final class Contacts {

    private Contacts() {
    }

    private static String email(String party, String name) {
        return "drill-" + name + "@" + party + ".example.org";
    }

    /** Active, and known to notification-service (it holds the contact's webhook secret), on return. */
    static String enable(String party, String name) throws InterruptedException {
        String token = Stack.token("secretariat");
        List<Map<String, Object>> contacts = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/parties/" + party + "/contacts")
                .then().statusCode(200).extract().path("");
        String id = contacts.stream().filter(c -> email(party, name).equals(c.get("email"))).map(c -> (String) c.get("id"))
                .findFirst().orElse(null);
        if (id == null) {
            id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body(party, name, true))
                    .post(Stack.REGISTRY + "/api/parties/" + party + "/contacts").then().statusCode(201).extract().path("id");
        } else {
            update(id, party, name, true);
        }
        for (int i = 0; i < 120; i++) {
            if (secretHeld(token, id)) {
                Thread.sleep(2000); // the contact's latest version (active, this URL) reaches the read model too
                return id;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("notification-service never learnt of contact " + id + " (" + party + " " + name + ")");
    }

    static void disable(String id, String party, String name) {
        update(id, party, name, false);
    }

    private static boolean secretHeld(String token, String id) {
        try {
            return given().auth().oauth2(token).post(Stack.NOTIFICATION + "/api/contacts/" + id + "/webhook-secret").statusCode() == 200;
        } catch (RuntimeException restarting) {
            return false;
        }
    }

    private static void update(String id, String party, String name, boolean active) {
        String token = Stack.token("secretariat");
        Response current = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/contacts/" + id);
        for (int i = 0; i < 60 && current.statusCode() != 200; i++) { // registry-service may still be finding its database
            sleep(1000);
            current = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/contacts/" + id);
        }
        if (current.statusCode() != 200 || current.getHeader("ETag") == null) {
            throw new IllegalStateException("registry-service answered " + current.statusCode() + " for contact " + id + ": "
                    + current.asString());
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", current.getHeader("ETag"))
                .body(body(party, name, active)).put(Stack.REGISTRY + "/api/contacts/" + id).then().statusCode(200);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(String party, String name, boolean active) {
        return Map.of("name", "Drill webhook " + name, "email", email(party, name), "language", "fr", "channels", List.of("webhook"),
                "webhookUrl", Receiver.url(name), "councilMember", false, "active", active);
    }
}
