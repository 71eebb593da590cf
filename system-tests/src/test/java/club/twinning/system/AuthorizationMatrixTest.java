package club.twinning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service's OpenAPI document × every kind of caller, with the expected answer derived from
 * the roles the document declares and the city the resource belongs to. Writes carry an empty body: a caller who may
 * call gets past authorization to validation (400), so nothing is written. The matrix is printed as a table.
 */
@Tag("e2e")
class AuthorizationMatrixTest {

    /** A caller: a demo login (null: no token), its role, and the city it acts for. */
    record Caller(String column, String user, String role, String city) {
    }

    static final List<Caller> CALLERS = List.of(
            new Caller("none", null, null, null),
            new Caller("partner B", "partner.banjul", "partner", "banjul"),
            new Caller("council", "council.expert", "council", null),
            new Caller("council A", "council.tombouctou", "council", "tombouctou"),
            new Caller("secretariat", "secretariat", "secretariat", null),
            new Caller("ops", "ops", "ops", null),
            new Caller("partner A", "partner.es-semara", "partner", "es-semara")); // last: its own writes may change things

    /** Operations on city A's resources that a partner of another city must be refused (403) whatever the body. */
    static final Set<String> CITY_SCOPED = Set.of(
            "registry GET /api/contacts/{id}", "registry GET /api/contacts/{id}/history",
            "registry GET /api/parties/{code}/contacts",
            "exchange GET /api/requests/{id}", "exchange POST /api/requests/{id}/withdrawal",
            "notification GET /api/contacts/{id}/preferences", "notification PUT /api/contacts/{id}/preferences",
            "notification POST /api/contacts/{id}/webhook-secret", "notification GET /api/deliveries/{id}");

    static final Map<String, String> SERVICES = new TreeMap<>(Map.of(
            "registry", Stack.REGISTRY, "exchange", Stack.EXCHANGE, "notification", Stack.NOTIFICATION));

    static Map<String, String> ids;

    /** City A is Es-Semara: its twinning with Tombouctou, a request under it, one of its contacts and deliveries. */
    @BeforeAll
    static void cityA() {
        String agreement = Stack.agreementBetween("es-semara", "tombouctou");
        String request = Fixtures.submitRequest("partner.es-semara", "tombouctou", agreement);
        String contact = given().auth().oauth2(Stack.token("secretariat")).get(Stack.REGISTRY + "/api/parties/es-semara/contacts")
                .then().statusCode(200).extract().path("[0].id");
        String delivery = given().auth().oauth2(Stack.token("ops")).get(Stack.NOTIFICATION + "/api/deliveries?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.partyCode == 'es-semara' }.id", String.class)
                .stream().findFirst().orElseThrow();
        ids = Map.of("registry /api/agreements", agreement, "registry /api/contacts", contact, "registry /api/parties", "es-semara",
                "exchange /api/requests", request, "notification /api/contacts", contact, "notification /api/deliveries", delivery);
    }

    @Test
    void everyOperationAnswersEveryCallerAsItsRolesAndCitySay() throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        StringBuilder header = new StringBuilder(String.format("%-62s", "operation"));
        CALLERS.forEach(c -> header.append(String.format("%-12s", c.column())));
        rows.add(header.toString());
        int cells = 0;
        // The one refusal a role cannot express: a council member of a city the request involves may not vote on it.
        int conflict = as(CALLERS.get(3)).contentType("application/json").body(Map.of("choice", "APPROVE"))
                .post(Stack.EXCHANGE + "/api/requests/" + ids.get("exchange /api/requests") + "/votes").statusCode();
        rows.add(String.format("%-62s%s", "exchange POST …/votes, valid, by council A (involved)", conflict));
        if (conflict != 403 && conflict != 409) {
            wrong.add("a council member of an involved city could vote: " + conflict);
        }
        for (var service : SERVICES.entrySet()) {
            JsonNode doc = new ObjectMapper().readTree(given().get(service.getValue() + "/q/openapi?format=json").asString());
            for (var path : iterable(doc.path("paths").fields())) {
                for (var operation : iterable(path.getValue().fields())) {
                    String method = operation.getKey().toUpperCase();
                    if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        continue;
                    }
                    String key = service.getKey() + " " + method + " " + path.getKey();
                    Set<String> roles = roles(operation.getValue());
                    StringBuilder row = new StringBuilder(String.format("%-62s", key));
                    for (Caller caller : CALLERS) {
                        int status = call(caller, method, service.getValue() + resolve(service.getKey(), path.getKey()));
                        String verdict = verdict(key, roles, caller, status);
                        cells++;
                        if (verdict != null) {
                            wrong.add(key + " as " + caller.column() + ": " + status + ", expected " + verdict);
                        }
                        row.append(String.format("%-12s", status + (verdict == null ? "" : " ✗")));
                    }
                    rows.add(row.toString());
                }
            }
        }
        String table = String.join("\n", rows);
        System.out.println("\nAuthorization matrix (" + cells + " calls; ✗ = not as expected)\n" + table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "authorization-matrix.txt"), table + "\n\n" + String.join("\n", wrong) + "\n");
        assertThat(wrong).isEmpty();
    }

    /**
     * Rows no OpenAPI document can derive: only the secretariat sets a contact's council flag (a partner of the
     * contact's own city included), and a draft is for its parties, the council and the secretariat (404 to others).
     */
    @Test
    void theCouncilFlagIsTheSecretariatsAndADraftIsItsParties() {
        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        // A contact of its own, inactive, so that setting the flag tells it nothing.
        String email = "matrix-flag-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> contact = new java.util.HashMap<>(Map.of("name", "Matrix council flag", "email", email, "active", false));
        String contactId = as("secretariat").contentType("application/json").body(contact)
                .post(Stack.REGISTRY + "/api/parties/es-semara/contacts").then().statusCode(201).extract().path("id");
        contact.put("councilMember", true);
        var partner = as("partner.es-semara").contentType("application/json").header("If-Match", etag("partner.es-semara", contactId))
                .body(contact).put(Stack.REGISTRY + "/api/contacts/" + contactId).then().extract();
        expect(rows, wrong, "registry PUT /api/contacts/{id} councilMember=true, own city", "partner A", partner.statusCode(), 403);
        if (!"councilMember".equals(partner.path("errors[0].field"))) {
            wrong.add("the partner's 403 does not name councilMember: " + partner.asString());
        }
        int secretariat = as("secretariat").contentType("application/json").header("If-Match", etag("secretariat", contactId))
                .body(contact).put(Stack.REGISTRY + "/api/contacts/" + contactId).statusCode();
        expect(rows, wrong, "registry PUT /api/contacts/{id} councilMember=true", "secretariat", secretariat, 200);
        contact.put("councilMember", false);
        as("secretariat").contentType("application/json").header("If-Match", etag("secretariat", contactId)).body(contact)
                .put(Stack.REGISTRY + "/api/contacts/" + contactId).then().statusCode(200);

        // A draft between Agadez and Niamey: partner.agadez is a party, partner.banjul is not.
        String reference = "MATRIX-DRAFT-" + UUID.randomUUID().toString().substring(0, 8);
        String draft = as("secretariat").contentType("application/json").body(Map.of("reference", reference, "type", "TWINNING",
                        "titleFr", "Projet de jumelage (test de la matrice)", "parties", List.of("agadez", "niamey")))
                .post(Stack.REGISTRY + "/api/agreements").then().statusCode(201).extract().path("id");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("partner.agadez", 200);
        expected.put("partner.banjul", 404);
        expected.put("council.tombouctou", 200);
        expected.put("council.expert", 200);
        expected.put("secretariat", 200);
        expected.put("ops", 404);
        for (var who : expected.entrySet()) {
            for (String path : List.of("", "/documents", "/history")) {
                expect(rows, wrong, "registry GET /api/agreements/{draft}" + path, who.getKey(),
                        as(who.getKey()).get(Stack.REGISTRY + "/api/agreements/" + draft + path).statusCode(), who.getValue());
            }
            int listed = as(who.getKey()).get(Stack.REGISTRY + "/api/agreements?q=" + reference).then().statusCode(200)
                    .extract().jsonPath().getList("items").size();
            expect(rows, wrong, "registry GET /api/agreements?q={draft}: items", who.getKey(), listed, who.getValue() == 200 ? 1 : 0);
        }
        // Abandoned before signing: it stays a draft, out of everyone's way.
        as("secretariat").contentType("application/json").header("If-Match", "*")
                .body(Map.of("to", "TERMINATED", "reason", "test de la matrice d'autorisations"))
                .post(Stack.REGISTRY + "/api/agreements/" + draft + "/transitions").then().statusCode(200);
        System.out.println("\nCouncil flag and draft visibility\n" + String.join("\n", rows));
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> rows, List<String> wrong, String what, String who, int actual, int expected) {
        rows.add(String.format("%-62s%-20s%s", what, who, actual + (actual == expected ? "" : " ✗ expected " + expected)));
        if (actual != expected) {
            wrong.add(what + " as " + who + ": " + actual + ", expected " + expected);
        }
    }

    private static String etag(String user, String contactId) {
        return as(user).get(Stack.REGISTRY + "/api/contacts/" + contactId).then().statusCode(200).extract().header("ETag");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Stack.token(user));
    }

    /** Null when the status is as expected; else what was expected. */
    static String verdict(String key, Set<String> roles, Caller caller, int status) {
        if (status >= 500) {
            return "no server error";
        }
        if (roles == null) {
            return status == 401 || status == 403 ? "a public answer" : null;
        }
        if (caller.user() == null) {
            return status == 401 ? null : "401";
        }
        if (!roles.contains(caller.role())) {
            return status == 403 ? null : "403 (role " + caller.role() + " not in " + roles + ")";
        }
        boolean otherCity = "partner".equals(caller.role()) && !"es-semara".equals(caller.city());
        if (otherCity && CITY_SCOPED.contains(key)) {
            return status == 403 ? null : "403 (another city's resource)";
        }
        return status == 401 || status == 403 ? "past authorization (roles " + roles + ")" : null;
    }

    private static Set<String> roles(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (security.isMissingNode() || security.isEmpty()) {
            return null;
        }
        Set<String> roles = new HashSet<>();
        security.forEach(requirement -> requirement.fields().forEachRemaining(s -> s.getValue().forEach(r -> roles.add(r.asText()))));
        return roles;
    }

    static String resolve(String service, String path) {
        String resolved = path;
        for (var id : ids.entrySet()) {
            String prefix = id.getKey().substring(id.getKey().indexOf(' ') + 1);
            if (id.getKey().startsWith(service + " ") && path.startsWith(prefix + "/{")) {
                resolved = prefix + "/" + id.getValue() + path.substring(path.indexOf('}', prefix.length()) + 1);
            }
        }
        return resolved.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static int call(Caller caller, String method, String url) {
        RequestSpecification request = as(caller);
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, url).statusCode();
    }

    private static RequestSpecification as(Caller caller) {
        return caller.user() == null ? given() : given().auth().oauth2(Stack.token(caller.user()));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
