package club.twinning.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * What the realm file does not hold because no person should have it: a client whose tokens live two seconds
 * (with the services' audiences),
 * and a partner account bound to no city. Made through the admin API of the local Keycloak (admin/admin is the
 * local dev bootstrap account), idempotently.
 */
final class KeycloakFixtures {

    static final String SHORT_LIVED_CLIENT = "system-tests-short-lived";
    static final String CITYLESS_PARTNER = "partner.unassigned";
    private static final String ADMIN = Stack.KEYCLOAK + "/admin/realms/twinning";

    private KeycloakFixtures() {
    }

    static String masterToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static void ensure() {
        String admin = masterToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", SHORT_LIVED_CLIENT, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "2")))
                .post(ADMIN + "/clients").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        audiences(admin, SHORT_LIVED_CLIENT);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", CITYLESS_PARTNER, "enabled", true, "emailVerified", true, "firstName", "Partner",
                        "lastName", "Unassigned", "email", "partner.unassigned@demo.twinning.invalid",
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                .post(ADMIN + "/users").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        String userId = given().auth().oauth2(admin).queryParam("username", CITYLESS_PARTNER).queryParam("exact", true)
                .get(ADMIN + "/users").then().statusCode(200).extract().path("[0].id");
        Map<String, Object> role = given().auth().oauth2(admin).get(ADMIN + "/roles/partner")
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(ADMIN + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
    }

    /** Its tokens name every service, as the command-line client's do, so an expired one fails for its age alone. */
    private static void audiences(String admin, String clientId) {
        String client = given().auth().oauth2(admin).queryParam("clientId", clientId).get(ADMIN + "/clients")
                .then().statusCode(200).extract().path("[0].id");
        List<Map<String, Object>> scopes = given().auth().oauth2(admin).get(ADMIN + "/client-scopes")
                .then().statusCode(200).extract().path("findAll { it.name.endsWith('-audience') }");
        for (Map<String, Object> scope : scopes) {
            given().auth().oauth2(admin).put(ADMIN + "/clients/" + client + "/default-client-scopes/" + scope.get("id"))
                    .then().statusCode(204);
        }
    }

    /** A real token of the realm, signed by it, that expires two seconds after it is issued. */
    static String shortLivedToken(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", SHORT_LIVED_CLIENT)
                .formParam("username", user).formParam("password", "demo")
                .post(Stack.KEYCLOAK + "/realms/twinning/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
