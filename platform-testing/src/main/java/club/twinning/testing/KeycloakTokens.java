package club.twinning.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the running Keycloak (realm {@code twinning}), by password grant on the public
 * {@code twinning-cli} client, for the demo users of {@code infra/keycloak/twinning-realm.json}.
 */
public final class KeycloakTokens {

    public static final String ISSUER = System.getProperty("twinning.keycloak.url",
            System.getenv().getOrDefault("TWINNING_KEYCLOAK_URL", "http://127.0.0.1:8180")) + "/realms/twinning";

    private record Token(String value, long fetchedAt) {
    }

    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();
    private static final long REFRESH_AFTER_MS = 4 * 60 * 1000; // tokens live 5 minutes

    private KeycloakTokens() {
    }

    /** An access token for a demo user, fetched again before it expires. */
    public static String of(String username) {
        return CACHE.compute(username, (user, token) -> token != null
                && System.currentTimeMillis() - token.fetchedAt() < REFRESH_AFTER_MS
                ? token : new Token(fetch(user), System.currentTimeMillis())).value();
    }

    private static String fetch(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "twinning-cli")
                .formParam("username", username)
                .formParam("password", "demo")
                .when().post(ISSUER + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
