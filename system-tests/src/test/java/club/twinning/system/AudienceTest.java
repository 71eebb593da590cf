package club.twinning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each service accepts only access tokens whose audience names it: a real, unexpired token of the realm that was
 * issued for someone else (an ID token, a service's own client-credentials token) is 401 problem+json.
 */
@Tag("e2e")
class AudienceTest {

    private static final String TOKENS = Stack.KEYCLOAK + "/realms/twinning/protocol/openid-connect/token";

    @Test
    void onlyAccessTokensNamingTheServiceAreAccepted() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("a person's access token (control)", Stack.token("partner.agadez"));
        tokens.put("the same person's ID token", idToken("partner.agadez"));
        for (String client : List.of("registry-service", "exchange-service", "notification-service")) {
            tokens.put(client + "'s client-credentials token", serviceAccountToken(client));
        }

        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var token : tokens.entrySet()) {
            boolean control = token.getKey().contains("control");
            StringBuilder row = new StringBuilder(String.format("%-44s", token.getKey()));
            for (var target : new TreeMap<>(ForgedTokenTest.TARGETS).entrySet()) {
                var response = given().auth().oauth2(token.getValue()).get(target.getValue());
                int status = response.statusCode();
                String type = response.contentType();
                row.append(String.format(" %-17s", target.getKey() + " " + status));
                if (control ? status != 200 : status != 401 || type == null || !type.startsWith("application/problem+json")) {
                    wrong.add(token.getKey() + " → " + target.getKey() + ": " + status + " " + type);
                }
            }
            rows.add(row.toString());
        }
        System.out.println("\nTokens for someone else\n" + String.join("\n", rows));
        assertThat(wrong).isEmpty();
    }

    @Test
    void thePersonsAccessTokenNamesEveryServiceAndTheIdTokenNone() {
        assertThat(Jwts.part(Stack.token("partner.agadez"), 1).get("aud").toString())
                .contains("registry-service", "exchange-service", "notification-service");
        assertThat(Jwts.part(idToken("partner.agadez"), 1).get("aud").toString())
                .doesNotContain("registry-service").doesNotContain("exchange-service").doesNotContain("notification-service");
    }

    /** The ID token the command-line client gets beside its access token (signed by the realm, current). */
    private static String idToken(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "twinning-cli").formParam("scope", "openid")
                .formParam("username", user).formParam("password", "demo").post(TOKENS)
                .then().statusCode(200).extract().path("id_token");
    }

    /** A service's own token (the local realm's demo secrets). */
    private static String serviceAccountToken(String client) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", client + "-local-secret").post(TOKENS)
                .then().statusCode(200).extract().path("access_token");
    }
}
