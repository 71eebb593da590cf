package club.twinning.exchange;

import static io.restassured.RestAssured.given;

import club.twinning.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls as the realm's demo users, with real tokens from the running Keycloak. */
final class Calls {

    private Calls() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
    }

    static Map<String, Object> request(String partner, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("partnerParty", partner);
        body.put("domain", "desert-land-management");
        body.put("title", title);
        body.put("need", "Former nos agents à la gestion des espaces désertiques");
        body.put("offer", "Accueil et partage d'expérience");
        body.put("direction", "THEY_VISIT_US");
        body.put("window", Map.of("start", LocalDate.now().plusMonths(1).toString(),
                "end", LocalDate.now().plusMonths(3).toString()));
        body.put("participants", 3);
        body.put("language", "fr");
        return body;
    }

    static String submit(String user, String partner) {
        return as(user).body(request(partner, "Demande " + UUID.randomUUID())).post("/api/requests")
                .then().statusCode(201).extract().path("id");
    }

    /** A request resting on the named agreement. */
    static String submit(String user, String partner, Object agreementId) {
        Map<String, Object> body = request(partner, "Demande " + UUID.randomUUID());
        body.put("agreementId", agreementId.toString());
        return as(user).body(body).post("/api/requests").then().statusCode(201).extract().path("id");
    }

    /** Two council members of uninvolved cities approve (for requests between Agadez, Es-Semara, Banjul, Tangier...). */
    static void approve(String id) {
        vote("council.tombouctou", id, "APPROVE", null).statusCode(200);
        vote("council.vijayawada", id, "APPROVE", null).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    /** The ETag a reader gets for a resource, to send back as If-Match. */
    static String etag(String user, String path) {
        String etag = as(user).get(path).then().statusCode(200).extract().header("ETag");
        if (etag == null) {
            throw new AssertionError(path + " has no ETag");
        }
        return etag;
    }

    static Map<String, Object> visit(String requestId, LocalDate start, LocalDate end) {
        return Map.of("requestId", requestId, "startDate", start.toString(), "endDate", end.toString(),
                "delegation", List.of(Map.of("name", "Délégation")));
    }

    static ValidatableResponse vote(String member, String id, String choice, String reason) {
        Map<String, Object> vote = new HashMap<>();
        vote.put("choice", choice);
        vote.put("reason", reason);
        return as(member).body(vote).post("/api/requests/" + id + "/votes").then();
    }
}
