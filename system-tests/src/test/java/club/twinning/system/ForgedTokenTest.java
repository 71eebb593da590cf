package club.twinning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every service refuses tokens it must not trust (401 problem+json), and a partner bound to no city may not act for one. */
@Tag("e2e")
class ForgedTokenTest {

    /** One call per service that a partner of a city may make. */
    static final Map<String, String> TARGETS = Map.of(
            "registry", Stack.REGISTRY + "/api/parties",
            "exchange", Stack.EXCHANGE + "/api/requests",
            "notification", Stack.NOTIFICATION + "/api/deliveries");

    @BeforeAll
    static void fixtures() {
        KeycloakFixtures.ensure();
    }

    @Test
    void forgedExpiredAndForeignTokensAre401AndACitylessPartnerIs403() throws InterruptedException {
        String real = Stack.token("partner.agadez");
        String expiring = KeycloakFixtures.shortLivedToken("partner.agadez");
        Thread.sleep(4000); // it lived two seconds

        Map<String, Supplier<String>> tokens = new LinkedHashMap<>();
        tokens.put("the realm's own token (control)", () -> real);
        tokens.put("expired", () -> expiring);
        tokens.put("signed by another key", () -> Jwts.signedWithAnotherKey(real));
        tokens.put("alg: none", () -> Jwts.unsigned(real));
        tokens.put("claims changed after signing (city)", () -> Jwts.withClaim(real, "city", "es-semara"));
        tokens.put("another issuer", () -> Jwts.fromIssuer(real, Stack.KEYCLOAK + "/realms/elsewhere"));
        tokens.put("another realm (master)", KeycloakFixtures::masterToken);
        tokens.put("not a JWT", () -> "not-a-token");

        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var token : tokens.entrySet()) {
            int expected = token.getKey().contains("control") ? 200 : 401;
            StringBuilder row = new StringBuilder(String.format("%-38s", token.getKey()));
            for (var target : new java.util.TreeMap<>(TARGETS).entrySet()) {
                var response = given().auth().oauth2(token.getValue().get()).get(target.getValue());
                int status = response.statusCode();
                row.append(String.format(" %-13s", target.getKey() + " " + status));
                if (status != expected) {
                    wrong.add(token.getKey() + " → " + target.getKey() + ": " + status + ", expected " + expected);
                } else if (status == 401 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                    wrong.add(token.getKey() + " → " + target.getKey() + ": a 401 without problem+json");
                }
            }
            rows.add(row.toString());
        }
        System.out.println("\nForged and foreign tokens\n" + String.join("\n", rows));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPartnerWithoutACityClaimMayNotActForACity() {
        String cityless = Stack.token(KeycloakFixtures.CITYLESS_PARTNER);
        given().auth().oauth2(cityless).get(TARGETS.get("notification")).then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        given().auth().oauth2(cityless).get(TARGETS.get("exchange")).then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        given().auth().oauth2(cityless).get(Stack.REGISTRY + "/api/parties/agadez/contacts").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }
}
