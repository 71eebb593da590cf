package club.twinning.system.bench;

import static io.restassured.RestAssured.given;

import club.twinning.system.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * Es-Semara contacts whose webhook is the bench's sink: made (or re-enabled) for the run, switched off after it. The
 * first is the one partner endpoint of the latency figures; more of them make one event fan out to many webhooks.
 */
public final class SinkContact {

    static final String EMAIL = "bench-sink@es-semara.example.org";

    private SinkContact() {
    }

    public static String enable() throws InterruptedException {
        return enable(0);
    }

    /** Contacts 0 … count-1, enabled (and known to notification-service) on return. */
    public static List<String> enable(int from, int count) throws InterruptedException {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ids.add(enable(i));
        }
        return ids;
    }

    private static String email(int index) {
        return index == 0 ? EMAIL : EMAIL.replace("@", "-" + index + "@");
    }

    public static String enable(int index) throws InterruptedException {
        String token = Stack.token("secretariat");
        List<Map<String, Object>> contacts = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/parties/es-semara/contacts")
                .then().statusCode(200).extract().path("");
        String id = contacts.stream().filter(c -> email(index).equals(c.get("email"))).map(c -> (String) c.get("id")).findFirst()
                .orElse(null);
        if (id == null) {
            id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body(index, true))
                    .post(Stack.REGISTRY + "/api/parties/es-semara/contacts").then().statusCode(201).extract().path("id");
        } else {
            update(id, index, true);
        }
        // notification-service learns of the contact from its event; then it can hold the contact's secret.
        for (int i = 0; i < 120; i++) {
            if (secretHeld(token, id)) {
                Thread.sleep(2000); // the contact's latest version (active, this URL) reaches the read model too
                return id;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("notification-service never learnt of contact " + id);
    }

    private static boolean secretHeld(String token, String id) {
        try {
            return given().auth().oauth2(token).post(Stack.NOTIFICATION + "/api/contacts/" + id + "/webhook-secret").statusCode() == 200;
        } catch (RuntimeException restarting) { // notification-service restarting: ask again
            return false;
        }
    }

    /** Switches off the extra sink contacts (index ≥ 1) still on; returns how many. */
    public static int disableLeftovers() {
        String token = Stack.token("secretariat");
        List<Map<String, Object>> contacts = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/parties/es-semara/contacts")
                .then().statusCode(200).extract().path("");
        int off = 0;
        for (Map<String, Object> c : contacts) {
            String email = String.valueOf(c.get("email"));
            if (Boolean.TRUE.equals(c.get("active")) && email.startsWith("bench-sink-")) {
                update((String) c.get("id"), Integer.parseInt(email.substring("bench-sink-".length(), email.indexOf('@'))), false);
                off++;
            }
        }
        return off;
    }

    public static void disable(String id) {
        disable(List.of(id), 0);
    }

    /** Switches off the contacts {@link #enable(int, int)} returned for indexes from, from+1, … */
    public static void disable(List<String> ids, int from) {
        for (int i = 0; i < ids.size(); i++) {
            update(ids.get(i), from + i, false);
        }
    }

    private static void update(String id, int index, boolean active) {
        String token = Stack.token("secretariat");
        Response current = given().auth().oauth2(token).get(Stack.REGISTRY + "/api/contacts/" + id);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", current.getHeader("ETag")).body(body(index, active))
                .put(Stack.REGISTRY + "/api/contacts/" + id).then().statusCode(200);
    }

    /** A URL of its own each: notification-service makes one delivery per event and URL. */
    private static Map<String, Object> body(int index, boolean active) {
        return Map.of("name", "Bench webhook sink " + index, "email", email(index), "language", "fr", "channels", List.of("webhook"),
                "webhookUrl", WebhookSink.url() + (index == 0 ? "" : "/" + index), "councilMember", false, "active", active);
    }
}
