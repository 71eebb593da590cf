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
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered document parses into its typed model, with no wrong type and no unknown field. */
class StrictModelTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);

    static java.util.stream.Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDocumentParsesStrictly(String overlay) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> documents = Overlay.render(overlay).documents();
        assertFalse(documents.isEmpty());
        for (Map<String, Object> doc : documents) {
            String apiVersion = (String) doc.get("apiVersion");
            String kind = (String) doc.get("kind");
            String where = overlay + ": " + kind + "/" + Overlay.name(doc);
            String json = JSON.writeValueAsString(doc);
            try {
                Object typed;
                if (apiVersion.startsWith("kafka.strimzi.io/")) {
                    typed = JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json, STRIMZI.get(kind));
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
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
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
