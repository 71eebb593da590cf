package club.twinning.registry;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds register entries through the API, with codes unique to the test run. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> party(String code) {
        return Map.of("code", code, "kind", "MUNICIPALITY", "nameFr", "Ville " + code, "nameAr", "مدينة", "country", "MA",
                "latitude", 26.7, "longitude", -11.6, "timeZone", "Africa/Casablanca", "language", "fr",
                "expertiseDomains", List.of("culture"));
    }

    /** Creates a party (as the caller, who must be the secretariat) and returns its code. */
    static String createParty(String prefix) {
        String code = unique(prefix);
        given().contentType(ContentType.JSON).body(party(code)).post("/api/parties").then().statusCode(201);
        return code;
    }

    static Map<String, Object> agreement(String reference, List<String> parties) {
        return Map.of("reference", reference, "type", "TWINNING", "titleFr", "Jumelage " + reference,
                "parties", parties, "domains", List.of("culture", "youth"), "signedOn", "2025-10-31",
                "place", "Es-Semara",
                "signatories", List.of(Map.of("name", "A. Signataire", "title", "Maire", "partyCode", parties.get(0))),
                "commitments", List.of(Map.of("text", "Échanger des agents", "owningParty", parties.get(0), "dueDate", "2026-01-31")));
    }

    /** Creates an agreement and returns its id. */
    static String createAgreement(String reference, List<String> parties) {
        return given().contentType(ContentType.JSON).body(agreement(reference, parties)).post("/api/agreements")
                .then().statusCode(201).extract().path("id");
    }

    /** Moves an agreement one step, reading its ETag first. */
    static void move(String id, String to) {
        String etag = given().get("/api/agreements/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", to, "reason", "test step"))
                .post("/api/agreements/" + id + "/transitions").then().statusCode(200);
    }

    static void bringIntoForce(String id) {
        for (String step : List.of("NEGOTIATION", "PENDING_FORMALITIES", "SIGNED", "IN_FORCE")) {
            move(id, step);
        }
    }
}
