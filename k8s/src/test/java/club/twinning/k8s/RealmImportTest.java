package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes runs the realm of infra/keycloak/twinning-realm.json: demo users in dev only, no local secrets. */
class RealmImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void theRealmImportMatchesTheLocalRealm() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> local = JSON.readValue(Files.readString(Overlay.ROOT.resolve("infra/keycloak/twinning-realm.json")), Map.class);
        for (String overlay : List.of("dev", "prod")) {
            Map<String, Object> realm = at(Overlay.render(overlay).ofKind("KeycloakRealmImport").get(0), "spec", "realm");
            assertEquals(local.get("roles"), realm.get("roles"), overlay + " roles");
            // Prod has no client with direct access grants (the command-line client is for the demo and tests).
            List<Object> expected = overlay.equals("dev") ? clientIds(local) : ((List<Map<String, Object>>) local.get("clients")).stream()
                    .filter(c -> !Boolean.TRUE.equals(c.get("directAccessGrantsEnabled"))).map(c -> c.get("clientId")).toList();
            assertEquals(expected, clientIds(realm), overlay + " clients");
            assertEquals(local.get("components"), realm.get("components"), overlay + " user profile");
            // The audience scopes the services check for, and which client gets them (run realm-import.py if not).
            assertEquals(local.get("clientScopes"), realm.get("clientScopes"), overlay + " client scopes");
            for (Map<String, Object> client : (List<Map<String, Object>>) realm.get("clients")) {
                Map<String, Object> same = ((List<Map<String, Object>>) local.get("clients")).stream()
                        .filter(c -> c.get("clientId").equals(client.get("clientId"))).findFirst().orElseThrow();
                assertEquals(same.get("defaultClientScopes"), client.get("defaultClientScopes"), overlay + " " + client.get("clientId") + " default scopes");
            }
            assertTrue(!JSON.writeValueAsString(realm).contains("-local-secret"), overlay + " carries a local client secret");
            if (overlay.equals("dev")) {
                assertEquals(local.get("users"), realm.get("users"), "dev has the demo users");
            } else {
                List<Map<String, Object>> users = (List<Map<String, Object>>) realm.getOrDefault("users", List.of());
                assertTrue(users.stream().allMatch(u -> u.get("serviceAccountClientId") != null), "prod has no demo users, only service accounts");
                assertEquals("all", realm.get("sslRequired"), "prod requires TLS for every client");
                assertTrue(String.valueOf(realm.get("passwordPolicy")).contains("length(12)"), "prod has a password policy");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> clientIds(Map<String, Object> realm) {
        return ((List<Map<String, Object>>) realm.get("clients")).stream().map(c -> c.get("clientId")).toList();
    }
}
