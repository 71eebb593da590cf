package club.twinning.registry;

import static io.restassured.RestAssured.given;

import club.twinning.registry.domain.Party;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /**
     * Municipalities with these codes, straight in the database and kept across runs: for tests whose tokens name a
     * fixed city (a @Claim is a constant), so the party cannot have a code unique to the run.
     */
    static void municipalities(String... codes) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String code : codes) {
                if (Party.findById(code) == null) {
                    Party p = new Party();
                    p.code = code;
                    p.kind = "MUNICIPALITY";
                    p.nameFr = code;
                    p.language = "fr";
                    p.persist();
                }
            }
        });
    }

    /** Creates an agreement and returns its id. */
    static String createAgreement(String reference, List<String> parties) {
        return given().contentType(ContentType.JSON).body(agreement(reference, parties)).post("/api/agreements")
                .then().statusCode(201).extract().path("id");
    }

    /** The evidence a move into force needs for the fixtures' parties (Moroccan communes): the formalities. */
    static final Map<String, Object> FORMALITIES = Map.of("councilDeliberationNumber", "D-2025-17",
            "councilDeliberationDate", "2025-10-02", "authorityApprovalReference", "VISA-DGCT-2025-0042");

    /**
     * Moves an agreement one step, reading its ETag first. A move into force brings the formalities, and the signature
     * date as the date of effect when the agreement records none.
     */
    static void move(String id, String to) {
        io.restassured.response.Response read = given().get("/api/agreements/" + id).then().statusCode(200).extract().response();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("to", to, "reason", "test step"));
        if (to.equals("IN_FORCE")) {
            body.put("formalities", FORMALITIES);
            if (read.path("effectiveFrom") == null) {
                body.put("effectiveFrom", read.path("signedOn"));
            }
        }
        given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body)
                .post("/api/agreements/" + id + "/transitions").then().statusCode(200);
    }

    static void bringIntoForce(String id) {
        for (String step : List.of("NEGOTIATION", "PENDING_FORMALITIES", "SIGNED", "IN_FORCE")) {
            move(id, step);
        }
    }
}
