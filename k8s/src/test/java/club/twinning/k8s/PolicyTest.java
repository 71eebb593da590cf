package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;
import static club.twinning.k8s.Overlay.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import club.twinning.events.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What ops require of every manifest, checked on what each overlay renders. */
class PolicyTest {

    static Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerIsProbedLimitedAndLockedDown(String overlay) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> deployments = Wiring.quarkus(Overlay.render(overlay).documents());
        assertEquals(4, deployments.size(), "one Deployment per service and the portal");
        for (Map<String, Object> d : deployments) {
            Map<String, Object> pod = at(d, "spec", "template", "spec");
            check(problems, d, Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot")), "pod runAsNonRoot");
            check(problems, d, "RuntimeDefault".equals(at(pod, "securityContext", "seccompProfile", "type")), "seccomp RuntimeDefault");
            List<Map<String, Object>> containers = at(pod, "containers");
            for (Map<String, Object> c : containers) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    check(problems, d, c.get(probe) != null, probe);
                }
                check(problems, d, at(c, "resources", "limits", "memory") != null && at(c, "resources", "limits", "cpu") != null, "limits");
                check(problems, d, at(c, "resources", "requests", "memory") != null, "requests");
                check(problems, d, Boolean.TRUE.equals(at(c, "securityContext", "readOnlyRootFilesystem")), "read-only root");
                check(problems, d, Boolean.FALSE.equals(at(c, "securityContext", "allowPrivilegeEscalation")), "no privilege escalation");
                List<String> dropped = at(c, "securityContext", "capabilities", "drop");
                check(problems, d, dropped != null && dropped.contains("ALL"), "capabilities dropped");
                check(problems, d, at(c, "lifecycle", "preStop") != null, "preStop pause");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsCompanions(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        Set<String> services = Wiring.quarkus(rendered.documents()).stream().map(Overlay::name).collect(Collectors.toSet());
        for (String kind : List.of("Service", "ServiceAccount", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy")) {
            assertTrue(names(rendered, kind).containsAll(services), overlay + ": a " + kind + " for each of " + services);
            // components/quarkus-workload's template name left over: a base whose ConfigMap does not name its service
            assertTrue(!names(rendered, kind).contains("quarkus-service"), overlay + ": a " + kind + " still named quarkus-service");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsInGit(String overlay) {
        for (Map<String, Object> secret : Overlay.render(overlay).ofKind("Secret")) {
            assertTrue(secret.get("data") == null && secret.get("stringData") == null, overlay + ": Secret " + name(secret) + " carries data");
        }
    }

    @Test
    void prodImagesArePinnedByDigest() {
        List<String> problems = unpinned(Overlay.render("prod").documents());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void catchesATagOnlyImageInProd() {
        List<Map<String, Object>> docs = new ArrayList<>(Overlay.render("prod").documents());
        Map<String, Object> portal = docs.stream().filter(d -> "Deployment".equals(d.get("kind")) && "portal".equals(name(d))).findFirst().orElseThrow();
        Wiring.container(portal).put("image", "registry.twinning.example.org/twinning/portal:0.1.0");
        assertTrue(unpinned(docs).stream().anyMatch(p -> p.contains("twinning/portal:0.1.0 is not pinned by digest")), unpinned(docs).toString());
    }

    /**
     * Our images (built by infra/images/build.sh) by digest only: a tag can be moved to another image. Others'
     * images at least by release tag (the collector's digest is the release pipeline's to add: docs/operations.md).
     */
    static List<String> unpinned(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : Overlay.ofKind(docs, "Deployment")) {
            List<Map<String, Object>> containers = at(d, "spec", "template", "spec", "containers");
            for (Map<String, Object> c : containers) {
                String image = (String) c.get("image");
                boolean digest = image.matches("[^@:]+(:[^@]+)?@sha256:[0-9a-f]{64}");
                boolean release = image.matches("[^@]+:\\d+\\.\\d+\\.\\d+(-[0-9a-f]{7,40})?");
                if (image.contains("/twinning/") && !digest) {
                    problems.add(name(d) + ": " + image + " is not pinned by digest (infra/images/build.sh --pin)");
                } else if (!digest && !release) {
                    problems.add(name(d) + ": " + image + " is pinned neither by digest nor by release tag");
                }
                if (image.startsWith("127.0.0.1")) {
                    problems.add(name(d) + ": " + image + " comes from the local registry");
                }
            }
        }
        return problems;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicOfTheContractIsDeclared(String overlay) throws Exception {
        Set<String> declared = Overlay.render(overlay).ofKind("KafkaTopic").stream()
                .map(t -> (String) at(t, "spec", "topicName")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> contract = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                contract.add((String) f.get(null));
            }
        }
        assertTrue(declared.containsAll(contract), "KafkaTopics " + declared + " miss some of " + contract);
    }

    @Test
    void prodKafkaReplicatesEveryTopicThreeTimes() {
        for (Map<String, Object> topic : Overlay.render("prod").ofKind("KafkaTopic")) {
            assertEquals(3, (Integer) at(topic, "spec", "replicas"), name(topic));
        }
        Map<String, Object> pool = Overlay.render("prod").ofKind("KafkaNodePool").get(0);
        assertEquals(3, (Integer) at(pool, "spec", "replicas"));
    }

    private static Set<String> names(Overlay overlay, String kind) {
        return overlay.ofKind(kind).stream().map(Overlay::name).collect(Collectors.toSet());
    }

    private static void check(List<String> problems, Map<String, Object> deployment, boolean ok, String what) {
        if (!ok) {
            problems.add(name(deployment) + ": missing " + what);
        }
    }
}
