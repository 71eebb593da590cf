package club.twinning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered document validates strictly, with no wrong type and no unknown field: a custom resource against
 * its operator's CRD schema (../shared/k8s-schemas, fields not in the schema rejected as the API server's strict
 * field validation would), otherwise against its typed model (Kubernetes and Gateway API by fabric8, KafkaUser by
 * Strimzi's, the rest by {@link OperatorResources}).
 */
class StrictModelTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final Path SCHEMAS = Overlay.ROOT.getParent().resolve("shared/k8s-schemas");
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    static java.util.stream.Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDocumentParsesStrictly(String overlay) throws Exception {
        List<Map<String, Object>> documents = Overlay.render(overlay).documents();
        assertFalse(documents.isEmpty());
        List<String> problems = validate(overlay, documents);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void aCustomResourceWithAnUnknownFieldOrAWrongTypeIsRefused() throws Exception {
        List<Map<String, Object>> docs = Overlay.render("prod").documents();
        assertTrue(validate("prod", docs).isEmpty());
        Map<String, Object> kafka = Overlay.ofKind(docs, "Kafka").get(0);
        ((Map<String, Object>) Overlay.at(kafka, "spec", "kafka")).put("listners", List.of());
        ((List<Map<String, Object>>) Overlay.at(kafka, "spec", "kafka", "listeners")).get(0).put("port", "9093");
        ((Map<String, Object>) Overlay.at(Overlay.ofKind(docs, "Cluster").get(0), "spec", "backup", "barmanObjectStore"))
                .put("destinationpath", "s3://x");
        ((Map<String, Object>) Overlay.at(Overlay.ofKind(docs, "Pooler").get(0), "spec", "pgbouncer")).put("poolmode", "session");
        ((List<Map<String, Object>>) Overlay.at(Overlay.ofKind(docs, "KafkaUser").get(0), "spec", "authorization", "acls"))
                .get(0).put("operation", "Write");
        String problems = String.join("\n", validate("prod", docs));
        for (String expected : List.of("listners", "$.spec.kafka.listeners[0].port: string found, integer expected",
                "destinationpath", "poolmode", "operation")) {
            assertTrue(problems.contains(expected), "not caught: " + expected + " in\n" + problems);
        }
    }

    static List<String> validate(String overlay, List<Map<String, Object>> documents) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : documents) {
            String apiVersion = (String) doc.get("apiVersion");
            String kind = (String) doc.get("kind");
            String where = overlay + ": " + kind + "/" + Overlay.name(doc);
            String json = JSON.writeValueAsString(doc);
            try {
                Object typed;
                JsonSchema schema = schema(apiVersion, kind);
                if (schema != null) {
                    for (ValidationMessage m : schema.validate(JSON.readTree(json))) {
                        problems.add(where + ": " + m.getMessage());
                    }
                    continue;
                } else if (kind.equals("KafkaUser") && apiVersion.startsWith("kafka.strimzi.io/")) {
                    // No KafkaUser schema here: Strimzi's model, and v1 has no `operation` (only `operations`).
                    typed = JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json, KafkaUser.class);
                    if (apiVersion.endsWith("/v1") && json.contains("\"operation\"")) {
                        problems.add(where + ": `operation` is not in the v1 API (use `operations`)");
                    }
                } else if (OperatorResources.typeOf(apiVersion, kind) != null) {
                    typed = JSON.readValue(json, OperatorResources.typeOf(apiVersion, kind));
                } else {
                    typed = KUBERNETES.unmarshal(json, KubernetesResource.class);
                    if (typed instanceof GenericKubernetesResource) {
                        problems.add(where + ": no model knows " + apiVersion + " " + kind);
                        continue;
                    }
                }
                unknownFields(typed, kind, problems, where);
            } catch (Exception e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                problems.add(where + ": " + String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
            }
        }
        return problems;
    }

    /**
     * The CRD schema of a custom resource, made strict: an object with declared properties admits no other
     * (unless the schema says x-kubernetes-preserve-unknown-fields). Strimzi's v1 KafkaNodePool and KafkaTopic are
     * checked against their v1beta2 schema (v1 only removed fields these manifests do not use).
     */
    static JsonSchema schema(String apiVersion, String kind) throws IOException {
        if (!apiVersion.contains("/")) {
            return null;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Path file = SCHEMAS.resolve(group + "_" + kind.toLowerCase() + "_" + version + ".json");
        if (!Files.exists(file) && group.equals("kafka.strimzi.io") && version.equals("v1")) {
            file = SCHEMAS.resolve(group + "_" + kind.toLowerCase() + "_v1beta2.json");
        }
        if (!Files.exists(file)) {
            return null;
        }
        Path found = file;
        return LOADED.computeIfAbsent(found.toString(), f -> {
            try {
                JsonNode node = JSON.readTree(found.toFile());
                // Some catalogued schemas omit the envelope every object has.
                ObjectNode properties = ((ObjectNode) node).with("properties");
                properties.putObject("apiVersion").put("type", "string");
                properties.putObject("kind").put("type", "string");
                if (!properties.has("metadata")) {
                    properties.putObject("metadata").put("type", "object");
                }
                strict(node);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.forEach(StrictModelTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.forEach(StrictModelTest::strict);
        }
    }

    @org.junit.jupiter.api.Test
    void aWrongTypeOrAnUnknownFieldIsCaught() throws Exception {
        List<String> problems = new ArrayList<>();
        Object typo = KUBERNETES.unmarshal("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},
                 "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"x","image":"x","readinesProbe":{}}]}}}}""",
                KubernetesResource.class);
        unknownFields(typo, "Deployment", problems, "typo");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("readinesProbe"), problems.toString());
        try {
            KUBERNETES.unmarshal("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":\"two\"}}",
                    KubernetesResource.class);
            fail("a string for replicas was accepted");
        } catch (RuntimeException expected) {
            // wrong type refused
        }
    }

    /** Models keep fields they do not know in additionalProperties: any there is a field Kubernetes would reject. */
    static void unknownFields(Object node, String path, List<String> problems, String where) throws Exception {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), problems, where);
            }
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems, where);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(where + ": unknown field(s) " + extra.keySet() + " at " + path);
                }
                continue;
            }
            unknownFields(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""), problems, where);
        }
    }
}
