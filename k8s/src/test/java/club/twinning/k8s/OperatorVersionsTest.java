package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md states the operator versions in one table; each row must match what the manifests use (API
 * versions, image tags, the gateway class, Keycloak's version), so the table cannot drift from the manifests.
 */
class OperatorVersionsTest {

    @Test
    void theVersionsTableMatchesTheManifests() throws Exception {
        List<String> problems = check(Files.readString(Overlay.ROOT.resolve("docs/operations.md")), rendered(), keycloakVersion());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void catchesATableThatDriftedFromTheManifests() throws Exception {
        String doc = Files.readString(Overlay.ROOT.resolve("docs/operations.md"));
        caught(doc.replace("| Apache Kafka | 4.1.1 (KRaft)", "| Apache Kafka | 4.0.0 (KRaft)"), "Apache Kafka");
        caught(doc.replace("| Strimzi | 0.49.0+", "| Strimzi | 0.47.0+"), "Strimzi");
        caught(doc.replace("`otel/opentelemetry-collector:0.120.0`", "`otel/opentelemetry-collector:0.119.0`"), "otel/opentelemetry-collector:0.120.0");
        caught(doc.replace("`external-secrets.io/v1`", "`external-secrets.io/v1beta1`"), "external-secrets.io/v1");
        caught(doc.replace("GatewayClass `eg`", "GatewayClass `envoy`"), "GatewayClass `eg`");
    }

    private static void caught(String doc, String expected) throws Exception {
        List<String> problems = check(doc, rendered(), keycloakVersion());
        assertFalse(problems.isEmpty(), "the planted mistake went unnoticed (" + expected + ")");
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem with '" + expected + "', got " + problems);
    }

    static List<String> check(String doc, List<Map<String, Object>> docs, String keycloak) {
        Map<String, String> rows = rows(doc);
        List<String> problems = new ArrayList<>();
        // Every operator API the manifests use is named in the table.
        TreeSet<String> apis = new TreeSet<>();
        for (Map<String, Object> d : docs) {
            String api = String.valueOf(d.get("apiVersion"));
            if (api.contains(".") && !api.contains(".k8s.io/")) {
                apis.add(api);
            }
        }
        String table = String.join("\n", rows.values());
        for (String api : apis) {
            if (!table.contains("`" + api + "`") && !(api.startsWith("networking.k8s.io") || api.startsWith("policy/"))) {
                problems.add("the versions table does not name the API `" + api + "` the manifests use");
            }
        }
        String kafka = at(one(docs, "Kafka"), "spec", "kafka", "version");
        expect(problems, rows, "Apache Kafka", kafka + " ");
        String postgres = at(one(docs, "Cluster"), "spec", "imageName");
        expect(problems, rows, "PostgreSQL", "| " + postgres.substring(postgres.lastIndexOf(':') + 1) + " |");
        expect(problems, rows, "PostgreSQL", "`" + postgres + "`");
        Map<String, Object> collector = Overlay.ofKind(docs, "Deployment").stream()
                .filter(d -> "otel-collector".equals(Overlay.name(d))).findFirst().orElseThrow();
        String otel = String.valueOf(Wiring.container(collector).get("image"));
        expect(problems, rows, "OpenTelemetry collector", "| " + otel.substring(otel.lastIndexOf(':') + 1) + " |");
        expect(problems, rows, "OpenTelemetry collector", "`" + otel + "`");
        expect(problems, rows, "Envoy Gateway", "GatewayClass `" + at(one(docs, "Gateway"), "spec", "gatewayClassName") + "`");
        expect(problems, rows, "Keycloak operator", "| " + keycloak + " ");
        Object image = at(one(docs, "Keycloak"), "spec", "image");
        if (image != null) {
            expect(problems, rows, "Keycloak operator", String.valueOf(image));
        }
        // Minimum operator versions the APIs in use require.
        if (apis.contains("kafka.strimzi.io/v1")) {
            atLeast(problems, rows, "Strimzi", "0.49.0", "kafka.strimzi.io/v1");
        }
        if (apis.contains("external-secrets.io/v1")) {
            atLeast(problems, rows, "External Secrets Operator", "0.17.0", "external-secrets.io/v1");
        }
        if (apis.contains("postgresql.cnpg.io/v1") && !Overlay.ofKind(docs, "Database").isEmpty()) {
            atLeast(problems, rows, "CloudNativePG", "1.25.0", "the Database resource");
        }
        return problems;
    }

    /** The rows of the "Operators and versions" table: first cell to the whole row. */
    static Map<String, String> rows(String doc) {
        int start = doc.indexOf("## Operators and versions");
        String section = start < 0 ? "" : doc.substring(start, doc.indexOf("\n## ", start + 1) < 0 ? doc.length() : doc.indexOf("\n## ", start + 1));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| what") && !line.startsWith("|---")) {
                rows.put(line.substring(2, line.indexOf(" |")).trim(), line);
            }
        }
        return rows;
    }

    private static void expect(List<String> problems, Map<String, String> rows, String row, String text) {
        String line = rows.get(row);
        if (line == null) {
            problems.add("the versions table has no row " + row);
        } else if (!line.contains(text)) {
            problems.add("the versions table's row " + row + " does not say " + text.trim() + " as the manifests do: " + line);
        }
    }

    private static void atLeast(List<String> problems, Map<String, String> rows, String row, String minimum, String why) {
        String line = rows.get(row);
        Matcher m = line == null ? null : Pattern.compile("\\| (\\d+(?:\\.\\d+)*)").matcher(line.substring(line.indexOf(" |")));
        if (m == null || !m.find()) {
            problems.add("the versions table's row " + row + " states no version");
        } else if (compare(m.group(1), minimum) < 0) {
            problems.add("the versions table's row " + row + " allows " + m.group(1) + ", but " + why + " needs " + minimum + " or later");
        }
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Map<String, Object>> rendered() {
        List<Map<String, Object>> docs = new ArrayList<>(Overlay.render("dev").documents());
        docs.addAll(Overlay.render("prod").documents());
        return docs;
    }

    /** The Keycloak the realm is written for: the keycloak-core version the realm is checked with (k8s/pom.xml). */
    private static String keycloakVersion() throws Exception {
        Matcher m = Pattern.compile("<keycloak-core.version>([^<]+)<").matcher(Files.readString(Overlay.ROOT.resolve("k8s/pom.xml")));
        assertTrue(m.find(), "k8s/pom.xml names keycloak-core.version");
        return m.group(1);
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        return Overlay.ofKind(docs, kind).get(0);
    }
}
