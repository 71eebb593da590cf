package club.twinning.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
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
        return given().auth().oauth2(Stack.token(user)).contentType(ContentType.JSON)
                .body(Stack.requestBody(partner, agreement, "System test " + UUID.randomUUID().toString().substring(0, 8)))
                .post(Stack.EXCHANGE + "/api/requests").then().statusCode(201).extract().path("id");
    }
}
