package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pod Security Standards' `restricted` profile (Kubernetes 1.32), as the admission controller applies it to a
 * pod spec: the baseline checks (no host namespaces, ports or paths, no privileged container, no added capability
 * but NET_BIND_SERVICE, no unconfined seccomp) and the restricted ones (volume types, no privilege escalation,
 * non-root, seccomp RuntimeDefault or Localhost, every capability dropped).
 */
final class PodSecurity {

    private PodSecurity() {
    }

    private static final Set<String> VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret", "name");

    @SuppressWarnings("unchecked")
    static List<String> restricted(String pod, Map<String, Object> spec) {
        List<String> problems = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Boolean.TRUE.equals(spec.get(host))) {
                problems.add(pod + ": " + host);
            }
        }
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) spec.getOrDefault("volumes", List.of());
        for (Map<String, Object> v : volumes) {
            for (String type : v.keySet()) {
                if (!VOLUMES.contains(type)) {
                    problems.add(pod + ": volume " + v.get("name") + " of type " + type);
                }
            }
        }
        Map<String, Object> podContext = (Map<String, Object>) spec.getOrDefault("securityContext", Map.of());
        Object podNonRoot = podContext.get("runAsNonRoot");
        Object podSeccomp = at(podContext, "seccompProfile", "type");
        if (Integer.valueOf(0).equals(podContext.get("runAsUser"))) {
            problems.add(pod + ": pod runs as user 0");
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            containers.addAll((List<Map<String, Object>>) spec.getOrDefault(list, List.of()));
        }
        if (containers.isEmpty()) {
            problems.add(pod + ": no container");
        }
        for (Map<String, Object> c : containers) {
            String where = pod + " container " + c.get("name") + ": ";
            Map<String, Object> sc = (Map<String, Object>) c.getOrDefault("securityContext", Map.of());
            if (Boolean.TRUE.equals(sc.get("privileged"))) {
                problems.add(where + "privileged");
            }
            List<Map<String, Object>> ports = (List<Map<String, Object>>) c.getOrDefault("ports", List.of());
            if (ports.stream().anyMatch(p -> p.get("hostPort") != null && !Integer.valueOf(0).equals(p.get("hostPort")))) {
                problems.add(where + "hostPort");
            }
            if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                problems.add(where + "allowPrivilegeEscalation is not false");
            }
            Object nonRoot = sc.get("runAsNonRoot");
            if (Boolean.FALSE.equals(nonRoot) || (nonRoot == null && !Boolean.TRUE.equals(podNonRoot))) {
                problems.add(where + "runAsNonRoot is not true (container or pod)");
            }
            if (Integer.valueOf(0).equals(sc.get("runAsUser"))) {
                problems.add(where + "runs as user 0");
            }
            Object seccomp = at(sc, "seccompProfile", "type");
            Object effective = seccomp != null ? seccomp : podSeccomp;
            if (!"RuntimeDefault".equals(effective) && !"Localhost".equals(effective)) {
                problems.add(where + "seccompProfile is " + effective + ", not RuntimeDefault or Localhost");
            }
            List<String> drop = at(sc, "capabilities", "drop");
            if (drop == null || !drop.contains("ALL")) {
                problems.add(where + "capabilities do not drop ALL");
            }
            List<String> add = at(sc, "capabilities", "add");
            if (add != null && add.stream().anyMatch(a -> !a.equals("NET_BIND_SERVICE"))) {
                problems.add(where + "adds capabilities " + add);
            }
        }
        return problems;
    }

    /** Every pod the rendered objects make, operator-managed ones included. */
    static List<String> everyPod(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Topology.Pod pod : new Topology(docs).pods) {
            problems.addAll(restricted(pod.origin() + " " + pod.name(), pod.spec()));
        }
        return problems;
    }
}
