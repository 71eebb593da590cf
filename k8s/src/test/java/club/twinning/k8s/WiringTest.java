package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the rendered objects connect, on both overlays; and for each check a planted mistake it must catch
 * (the rendered objects changed the way a careless edit would).
 */
@SuppressWarnings("unchecked")
class WiringTest {

    /** Each check of how the objects connect, by what it makes sure of: given the overlay and its objects, the problems. */
    private static final Map<String, BiFunction<String, List<Map<String, Object>>, List<String>>> CHECKS = checks();

    private static Map<String, BiFunction<String, List<Map<String, Object>>, List<String>>> checks() {
        Map<String, BiFunction<String, List<Map<String, Object>>, List<String>>> checks = new LinkedHashMap<>();
        checks.put("every configured URL is allowed by the network policies", (overlay, docs) -> Wiring.networkPaths(docs));
        checks.put("selectors match labels", (overlay, docs) -> Wiring.selectors(docs));
        checks.put("every referenced Secret and ConfigMap exists or is produced",
                (overlay, docs) -> Wiring.references(docs, handMade(overlay)));
        checks.put("the portal's redirect matches the realm", (overlay, docs) -> Wiring.redirects(docs));
        checks.put("every pod passes Pod Security restricted", (overlay, docs) -> PodSecurity.everyPod(docs));
        checks.put("Kafka users grant what the channels need and no more", (overlay, docs) -> Wiring.kafkaAcls(docs));
        checks.put("readiness is the database", (overlay, docs) -> Wiring.readiness(docs));
        checks.put("memory fits", (overlay, docs) -> Wiring.memory(docs));
        checks.put("health and metrics are on the management port only",
                (overlay, docs) -> Wiring.management(docs, Wiring.imageBuild()));
        return checks;
    }

    static Stream<Arguments> overlaysAndChecks() {
        return Overlay.names().flatMap(overlay -> CHECKS.keySet().stream().map(check -> Arguments.of(overlay, check)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndChecks")
    void theObjectsConnect(String overlay, String check) {
        assertNone(overlay, CHECKS.get(check).apply(overlay, docs(overlay)));
    }

    // ---- planted mistakes ------------------------------------------------------------------------------------

    @Test
    void catchesAnEgressPolicyOnTheWrongKafkaPort() {
        caught(Wiring::networkPaths, "prod", docs -> egress(docs, "exchange-service").stream()
                .filter(r -> r.toString().contains("strimzi.io/cluster")).forEach(r -> port(r, 9092)), "egress of exchange-service");
    }

    @Test
    void catchesAKafkaListenerClosedToAService() {
        caught(Wiring::networkPaths, "prod", docs -> {
            List<Map<String, Object>> listeners = at(one(docs, "Kafka"), "spec", "kafka", "listeners");
            Map<String, Object> expression = at(((List<Map<String, Object>>) listeners.get(0).get("networkPolicyPeers")).get(0),
                    "podSelector");
            ((List<Map<String, Object>>) expression.get("matchExpressions")).get(0).put("values", List.of("registry-service"));
        }, "ingress of twinning-dual-role does not allow notification-service");
    }

    @Test
    void catchesTheHttpKeycloakUrlInProd() {
        caught(Wiring::networkPaths, "prod", docs -> configMap(docs, "registry-service-config")
                .put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://twinning-keycloak-service:8080/realms/twinning"), "has no port 8080");
    }

    @Test
    void catchesAKeycloakUrlWithoutItsCertificateOrBackChannel() {
        caught(Wiring::networkPaths, "prod", docs -> configMap(docs, "portal-config").remove("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME"),
                "no trust store");
        caught(Wiring::networkPaths, "prod", docs -> ((Map<String, Object>) at(one(docs, "Keycloak"), "spec", "hostname"))
                .remove("backchannelDynamic"), "backchannelDynamic is off");
    }

    @Test
    void catchesAPlainKafkaClientOnTheTlsListener() {
        caught(Wiring::networkPaths, "dev", docs -> configMap(docs, "notification-service-config").put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"),
                "wants KAFKA_SECURITY_PROTOCOL SASL_SSL");
    }

    @Test
    void catchesAMailRelayTheEgressPolicyDoesNotAllow() {
        caught(Wiring::networkPaths, "prod", docs -> configMap(docs, "notification-service-config").put("QUARKUS_MAILER_PORT", "2525"),
                "does not allow a public address on 2525");
    }

    @Test
    void catchesAServiceSelectorThatMatchesNoPod() {
        caught(Wiring::selectors, "prod", docs -> ((Map<String, Object>) at(named(docs, "Service", "portal"), "spec", "selector"))
                .put("app.kubernetes.io/name", "portl"), "matches no pod");
        caught(Wiring::selectors, "dev", docs -> ((Map<String, Object>) at(named(docs, "KafkaUser", "registry-service"), "metadata", "labels"))
                .put("strimzi.io/cluster", "twining"), "names no Kafka");
    }

    @Test
    void catchesASecretNobodyProduces() {
        caught(docs -> Wiring.references(docs, Set.of()), "prod", docs -> docs.remove(named(docs, "ExternalSecret", "notification-smtp")),
                "Secret notification-smtp is neither declared nor produced");
        caught(docs -> Wiring.references(docs, Set.of()), "prod", docs -> ((List<Map<String, Object>>) at(named(docs, "ExternalSecret",
                "twinning-db-backup"), "spec", "data")).remove(1), "has no key ACCESS_SECRET_KEY");
    }

    @Test
    void catchesARealmThatRedirectsOverHttpInProd() {
        caught(Wiring::redirects, "prod", docs -> {
            List<Map<String, Object>> clients = at(one(docs, "KeycloakRealmImport"), "spec", "realm", "clients");
            clients.stream().filter(c -> "twinning-portal".equals(c.get("clientId")))
                    .forEach(c -> c.put("redirectUris", List.of("http://portal.twinning.example.org/*")));
        }, "do not all start with the portal's https://portal.twinning.example.org/");
        caught(Wiring::redirects, "prod", docs -> configMap(docs, "portal-config").put("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE", "false"),
                "not Secure");
    }

    @Test
    void catchesAnOperatorPodThatIsNotRestricted() {
        caught(PodSecurity::everyPod, "prod", docs -> {
            ((Map<String, Object>) at(one(docs, "KafkaNodePool"), "spec")).remove("template");
            ((Map<String, Object>) at(one(docs, "Kafka"), "spec", "kafka")).remove("template");
        }, "Strimzi KafkaNodePool twinning-dual-role container kafka: allowPrivilegeEscalation is not false");
        caught(PodSecurity::everyPod, "dev", docs -> ((Map<String, Object>) at(one(docs, "Keycloak"), "spec")).remove("unsupported"),
                "Keycloak operator twinning-keycloak-0 container keycloak: allowPrivilegeEscalation is not false");
        caught(PodSecurity::everyPod, "dev", docs -> ((List<Map<String, Object>>) at(named(docs, "Deployment", "otel-collector"),
                "spec", "template", "spec", "volumes")).add(Map.of("name", "host", "hostPath", Map.of("path", "/"))), "of type hostPath");
    }

    @Test
    void catchesAKafkaUserAllowedToForgeAnotherServicesEvents() {
        caught(Wiring::kafkaAcls, "prod", docs -> ((List<Map<String, Object>>) at(named(docs, "KafkaUser", "exchange-service"),
                "spec", "authorization", "acls")).add(Map.of("resource", Map.of("type", "topic", "name", "twinning.registry.agreements",
                "patternType", "literal"), "operations", List.of("Write"))), "may write topic:twinning.registry.agreements");
        caught(Wiring::kafkaAcls, "prod", docs -> ((List<Map<String, Object>>) at(named(docs, "KafkaUser", "notification-service"),
                "spec", "authorization", "acls")).removeIf(a -> a.toString().contains("type=group")), "needs [Read] on group:notification-service");
    }

    @Test
    void catchesKafkaInReadinessAndAHeapThatDoesNotFit() {
        caught(Wiring::readiness, "prod", docs -> configMap(docs, "exchange-service-config")
                .remove("MP_MESSAGING_INCOMING_REGISTRY_HEALTH_READINESS_ENABLED"), "channel registry reports to readiness");
        caught(Wiring::readiness, "prod", docs -> Overlay.ofKind(docs, "ConfigMap").stream()
                .filter(c -> Overlay.name(c).startsWith("quarkus-readiness")).forEach(c -> ((Map<String, Object>) c.get("data"))
                        .put("readiness.properties", "")), "Kafka's client health check stays in readiness");
        caught(Wiring::memory, "prod", docs -> ((List<Map<String, Object>>) Wiring.container(named(docs, "Deployment", "registry-service"))
                .get("env")).stream().filter(e -> "_JAVA_OPTIONS".equals(e.get("name")))
                .forEach(e -> e.put("value", "-XX:MaxRAMPercentage=80")), "exceed the 640 MiB limit");
    }

    @Test
    void catchesManagementEndpointsLeftOnTheServicePortOrOpenToOthers() {
        String build = Wiring.imageBuild();
        assertTrue(Wiring.management(docs("prod"), build.replace("-Dquarkus.management.enabled=true", "")).stream()
                .anyMatch(p -> p.contains("does not set -Dquarkus.management.enabled=true")), "an image build without the management port");
        caught(docs -> Wiring.management(docs, build), "prod", docs -> ((Map<String, Object>) Wiring.container(named(docs, "Deployment",
                "exchange-service")).get("readinessProbe")).put("httpGet", Map.of("path", "/q/health/ready", "port", "http")),
                "exchange-service: readinessProbe asks port http");
        caught(docs -> Wiring.management(docs, build), "dev", docs -> ((List<Map<String, Object>>) at(named(docs, "NetworkPolicy",
                "registry-service"), "spec", "ingress")).get(0).put("ports", List.of(Map.of("protocol", "TCP", "port", 8081),
                Map.of("protocol", "TCP", "port", 9000))), "registry-service: portal may reach the management port 9000");
        caught(docs -> Wiring.management(docs, build), "prod", docs -> ((List<Map<String, Object>>) at(named(docs, "PodMonitor", "twinning-quarkus"),
                "spec", "podMetricsEndpoints")).get(0).put("port", "http"), "scrapes port http, not the management port");
        caught(docs -> Wiring.management(docs, build), "prod", docs -> ((List<Map<String, Object>>) at(named(docs, "HTTPRoute", "portal"),
                "spec", "rules")).add(0, Map.of("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/q/metrics"))),
                "backendRefs", List.of(Map.of("name", "portal", "port", 9000)))), "HTTPRoute portal routes /q/metrics");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> docs(String overlay) {
        return new ArrayList<>(Overlay.render(overlay).documents());
    }

    private static void caught(Function<List<Map<String, Object>>, List<String>> check, String overlay,
                               Consumer<List<Map<String, Object>>> mistake, String expected) {
        List<Map<String, Object>> docs = docs(overlay);
        assertTrue(check.apply(docs).isEmpty(), "the check fails before the mistake: " + check.apply(docs));
        mistake.accept(docs);
        List<String> problems = check.apply(docs);
        assertFalse(problems.isEmpty(), "the planted mistake went unnoticed (" + expected + ")");
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem with '" + expected + "', got " + problems);
    }

    private static void assertNone(String overlay, List<String> problems) {
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    /** Secrets docs/operations.md tells an operator to create by hand in the dev overlay (`kubectl ... create secret`). */
    static Set<String> handMade(String overlay) {
        if (!overlay.equals("dev")) {
            return Set.of();
        }
        try {
            String readme = Files.readString(Overlay.ROOT.resolve("docs/operations.md"));
            Set<String> names = new LinkedHashSet<>();
            Matcher m = Pattern.compile("create secret \\S+ ([a-z0-9-]+)").matcher(readme);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        return Overlay.ofKind(docs, kind).get(0);
    }

    private static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return Overlay.ofKind(docs, kind).stream().filter(d -> name.equals(Overlay.name(d))).findFirst().orElseThrow();
    }

    private static Map<String, Object> configMap(List<Map<String, Object>> docs, String name) {
        return (Map<String, Object>) named(docs, "ConfigMap", name).get("data");
    }

    private static List<Map<String, Object>> egress(List<Map<String, Object>> docs, String policy) {
        return at(named(docs, "NetworkPolicy", policy), "spec", "egress");
    }

    private static void port(Map<String, Object> rule, int port) {
        ((List<Map<String, Object>>) rule.get("ports")).get(0).put("port", port);
    }
}
