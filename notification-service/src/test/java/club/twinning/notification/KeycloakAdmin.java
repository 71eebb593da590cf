package club.twinning.notification;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/** The real Keycloak's admin API (admin/admin on the master realm), as the secretariat's IT would use it. */
final class KeycloakAdmin {

    static final String URL = "http://127.0.0.1:8180";
    static final String REALM = URL + "/admin/realms/twinning";

    private KeycloakAdmin() {
    }

    /** A user of the twinning realm holding the council role; {@code email} may be null. Returns its id. */
    static String councilMember(String username, String email, String firstName, String lastName, String locale) {
        String token = token();
        var user = new java.util.HashMap<String, Object>(Map.of("username", username, "enabled", true, "firstName", firstName,
                "lastName", lastName, "attributes", Map.of("locale", List.of(locale))));
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        String location = given().auth().oauth2(token).contentType(ContentType.JSON).body(user).post(REALM + "/users")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = given().auth().oauth2(token).get(REALM + "/roles/council").then().statusCode(200)
                .extract().as(Map.class);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(List.of(role))
                .post(REALM + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    static void delete(String userId) {
        given().auth().oauth2(token()).delete(REALM + "/users/" + userId).then().statusCode(204);
    }

    private static String token() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin"))
                .post(URL + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
