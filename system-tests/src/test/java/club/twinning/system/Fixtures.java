package club.twinning.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real things of the demo data the attacks aim at: the Es-Semara–Agadez twinning, a fresh request under it, a contact. */
record Fixtures(String agreementId, String requestId, String contactId) {

    static Fixtures load() {
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        String request = submitRequest("partner.agadez", "es-semara", agreement);
        String contact = given().auth().oauth2(Stack.token("secretariat")).get(Stack.REGISTRY + "/api/parties/agadez/contacts")
                .then().statusCode(200).extract().path("[0].id");
        return new Fixtures(agreement, request, contact);
    }

    static String submitRequest(String user, String partner, String agreement) {
        LocalDate start = LocalDate.now().plusMonths(2);
        return given().auth().oauth2(Stack.token(user)).contentType(ContentType.JSON)
                .body(Map.of("partnerParty", partner, "agreementId", agreement, "domain", "desert-land-management",
                        "title", "System test " + UUID.randomUUID().toString().substring(0, 8), "need", "Partage d'expérience",
                        "direction", "THEY_VISIT_US", "window", Map.of("start", start.toString(), "end", start.plusDays(20).toString()),
                        "participants", 3, "language", "fr"))
                .post(Stack.EXCHANGE + "/api/requests").then().statusCode(201).extract().path("id");
    }
}
