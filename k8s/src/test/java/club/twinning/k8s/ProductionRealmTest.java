package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The realm Kubernetes imports: in prod no direct-grant client, a password policy and OTP required of the
 * secretariat and ops through the bound browser flow; in both overlays the audience scopes each service checks for
 * (quarkus.oidc.token.audience), with the portal holding them all. Each check has a planted mistake it catches.
 */
@SuppressWarnings("unchecked")
class ProductionRealmTest {

    /** The services whose tokens name them; each has a client scope `<client>-audience`. */
    static final List<String> AUDIENCES = List.of("registry-service", "exchange-service", "notification-service");
    /** Who calls which service with its own token: the portal, with the person's. notification-service calls only
     * Keycloak's admin API with client credentials (CouncilSource), so its client needs no service audience. */
    static final Map<String, List<String>> CALLERS = Map.of("twinning-portal", AUDIENCES);
    static final List<String> STAFF_ROLES = List.of("secretariat", "ops");

    static java.util.stream.Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRealmHasWhatItsOverlayNeeds(String overlay) {
        List<String> problems = check(overlay, realm(Overlay.render(overlay).documents()));
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @Test
    void catchesADirectGrantClientInProd() {
        caught("prod", realm -> clients(realm).get(0).put("directAccessGrantsEnabled", true), "allows direct access grants");
    }

    @Test
    void catchesOpsWithoutTheOtpCondition() {
        caught("prod", realm -> flows(realm).removeIf(f -> "staff browser - ops OTP".equals(f.get("alias"))), "no OTP required of ops");
        caught("prod", realm -> flows(realm).stream().filter(f -> "staff browser - ops OTP".equals(f.get("alias")))
                .forEach(f -> ((List<Map<String, Object>>) f.get("authenticationExecutions")).removeIf(e -> "auth-otp-form".equals(e.get("authenticator")))),
                "no OTP required of ops");
        caught("prod", realm -> realm.put("browserFlow", "browser"), "no OTP required of secretariat");
    }

    @Test
    void catchesAPortalLackingAnAudienceScope() {
        for (String overlay : List.of("dev", "prod")) {
            caught(overlay, realm -> clients(realm).stream().filter(c -> "twinning-portal".equals(c.get("clientId")))
                    .forEach(c -> ((List<String>) c.get("defaultClientScopes")).remove("exchange-service-audience")),
                    "twinning-portal lacks the default client scope exchange-service-audience");
        }
        caught("prod", realm -> scopes(realm).stream().filter(s -> "registry-service-audience".equals(s.get("name")))
                .forEach(s -> ((Map<String, Object>) ((List<Map<String, Object>>) s.get("protocolMappers")).get(0).get("config"))
                        .put("access.token.claim", "false")), "registry-service-audience");
    }

    static List<String> check(String overlay, Map<String, Object> realm) {
        List<String> problems = new ArrayList<>(audience(realm));
        problems.addAll(flowReferences(realm));
        if (overlay.equals("prod")) {
            for (Map<String, Object> client : clients(realm)) {
                if (Boolean.TRUE.equals(client.get("directAccessGrantsEnabled"))) {
                    problems.add("client " + client.get("clientId") + " allows direct access grants (passwords sent to the token endpoint)");
                }
            }
            if (!String.valueOf(realm.get("passwordPolicy")).contains("length(12)")) {
                problems.add("no password policy (length(12) and more)");
            }
            for (String role : STAFF_ROLES) {
                if (!otpRequired(realm, String.valueOf(realm.get("browserFlow")), role, new HashSet<>())) {
                    problems.add("no OTP required of " + role + " in the browser flow " + realm.get("browserFlow")
                            + " (a CONDITIONAL subflow: conditional-user-role " + role + ", then auth-otp-form REQUIRED)");
                }
            }
        }
        return problems;
    }

    /** The scopes exist with the one mapper the services' audience check needs, and each caller has them by default. */
    static List<String> audience(Map<String, Object> realm) {
        List<String> problems = new ArrayList<>();
        Set<Object> clientIds = new HashSet<>(clients(realm).stream().map(c -> c.get("clientId")).toList());
        for (String service : AUDIENCES) {
            String name = service + "-audience";
            Map<String, Object> scope = scopes(realm).stream().filter(s -> name.equals(s.get("name"))).findFirst().orElse(null);
            if (scope == null) {
                problems.add("no client scope " + name);
                continue;
            }
            List<Map<String, Object>> mappers = (List<Map<String, Object>>) scope.getOrDefault("protocolMappers", List.of());
            Map<String, Object> expected = Map.of("included.client.audience", service, "access.token.claim", "true",
                    "id.token.claim", "false", "introspection.token.claim", "true");
            if (mappers.size() != 1 || !"oidc-audience-mapper".equals(mappers.get(0).get("protocolMapper"))
                    || !expected.equals(mappers.get(0).get("config"))) {
                problems.add("client scope " + name + " is not one oidc-audience-mapper with " + expected + ": " + mappers);
            }
            if (!clientIds.contains(service)) {
                problems.add("client scope " + name + " names a client the realm does not have");
            }
        }
        CALLERS.forEach((caller, services) -> clients(realm).stream().filter(c -> caller.equals(c.get("clientId"))).forEach(c -> {
            List<String> defaults = (List<String>) c.getOrDefault("defaultClientScopes", List.of());
            for (String service : services) {
                if (!defaults.contains(service + "-audience")) {
                    problems.add("client " + caller + " lacks the default client scope " + service + "-audience");
                }
            }
        }));
        return problems;
    }

    /** When the realm lists its flows, every flow it binds or nests and every config an execution names exists. */
    static List<String> flowReferences(Map<String, Object> realm) {
        List<String> problems = new ArrayList<>();
        if (realm.get("authenticationFlows") == null) {
            return problems;
        }
        Map<String, String> bindings = Map.of("browserFlow", "browser", "registrationFlow", "registration", "directGrantFlow", "direct grant",
                "resetCredentialsFlow", "reset credentials", "clientAuthenticationFlow", "clients", "dockerAuthenticationFlow", "docker auth",
                "firstBrokerLoginFlow", "first broker login");
        Set<Object> aliases = new HashSet<>(flows(realm).stream().map(f -> f.get("alias")).toList());
        Set<Object> configs = new HashSet<>(((List<Map<String, Object>>) realm.getOrDefault("authenticatorConfig", List.of())).stream()
                .map(c -> c.get("alias")).toList());
        bindings.forEach((binding, standard) -> {
            Object alias = Objects.requireNonNullElse(realm.get(binding), standard);
            if (!aliases.contains(alias)) {
                problems.add(binding + " names the flow '" + alias + "', which the realm's flows do not include");
            }
        });
        for (Map<String, Object> flow : flows(realm)) {
            for (Map<String, Object> e : executions(flow)) {
                if (e.get("flowAlias") != null && !aliases.contains(e.get("flowAlias"))) {
                    problems.add("flow " + flow.get("alias") + " nests the missing flow " + e.get("flowAlias"));
                }
                if (e.get("authenticatorConfig") != null && !configs.contains(e.get("authenticatorConfig"))) {
                    problems.add("flow " + flow.get("alias") + " names the missing authenticator config " + e.get("authenticatorConfig"));
                }
            }
        }
        return problems;
    }

    /** Reachable from the flow through enabled subflows: a CONDITIONAL one on the role that then requires an OTP. */
    private static boolean otpRequired(Map<String, Object> realm, String alias, String role, Set<String> seen) {
        if (!seen.add(alias)) {
            return false;
        }
        Map<String, Object> flow = flows(realm).stream().filter(f -> alias.equals(f.get("alias"))).findFirst().orElse(null);
        if (flow == null) {
            return false;
        }
        for (Map<String, Object> e : executions(flow)) {
            if (e.get("flowAlias") == null || "DISABLED".equals(e.get("requirement"))) {
                continue;
            }
            String sub = String.valueOf(e.get("flowAlias"));
            if ("CONDITIONAL".equals(e.get("requirement")) && onRole(realm, sub, role) && requires(realm, sub, "auth-otp-form")) {
                return true;
            }
            if (otpRequired(realm, sub, role, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onRole(Map<String, Object> realm, String alias, String role) {
        return flows(realm).stream().filter(f -> alias.equals(f.get("alias"))).flatMap(f -> executions(f).stream())
                .anyMatch(e -> "conditional-user-role".equals(e.get("authenticator")) && "REQUIRED".equals(e.get("requirement"))
                        && config(realm, e, (c, r) -> r.equals(c.get("condUserRole")) && !"true".equals(c.get("negate")), role));
    }

    private static boolean requires(Map<String, Object> realm, String alias, String authenticator) {
        return flows(realm).stream().filter(f -> alias.equals(f.get("alias"))).flatMap(f -> executions(f).stream())
                .anyMatch(e -> authenticator.equals(e.get("authenticator")) && "REQUIRED".equals(e.get("requirement")));
    }

    private static boolean config(Map<String, Object> realm, Map<String, Object> execution,
                                  BiFunction<Map<String, Object>, String, Boolean> test, String role) {
        return ((List<Map<String, Object>>) realm.getOrDefault("authenticatorConfig", List.of())).stream()
                .filter(c -> Objects.equals(c.get("alias"), execution.get("authenticatorConfig")))
                .anyMatch(c -> test.apply((Map<String, Object>) c.get("config"), role));
    }

    private static void caught(String overlay, Consumer<Map<String, Object>> mistake, String expected) {
        Map<String, Object> realm = realm(Overlay.render(overlay).documents());
        assertTrue(check(overlay, realm).isEmpty(), "the check fails before the mistake: " + check(overlay, realm));
        mistake.accept(realm);
        List<String> problems = check(overlay, realm);
        assertFalse(problems.isEmpty(), "the planted mistake went unnoticed (" + expected + ")");
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem with '" + expected + "', got " + problems);
    }

    static Map<String, Object> realm(List<Map<String, Object>> docs) {
        return at(Overlay.ofKind(docs, "KeycloakRealmImport").get(0), "spec", "realm");
    }

    private static List<Map<String, Object>> clients(Map<String, Object> realm) {
        return (List<Map<String, Object>>) realm.getOrDefault("clients", List.of());
    }

    private static List<Map<String, Object>> scopes(Map<String, Object> realm) {
        return (List<Map<String, Object>>) realm.getOrDefault("clientScopes", List.of());
    }

    private static List<Map<String, Object>> flows(Map<String, Object> realm) {
        return (List<Map<String, Object>>) realm.getOrDefault("authenticationFlows", new ArrayList<>());
    }

    private static List<Map<String, Object>> executions(Map<String, Object> flow) {
        return (List<Map<String, Object>>) flow.getOrDefault("authenticationExecutions", List.of());
    }
}
