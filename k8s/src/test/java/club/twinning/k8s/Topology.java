package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pods, Services and NetworkPolicies a cluster would run from rendered documents: those written in them and
 * those the operators make from their resources (Strimzi's brokers, entity operator, exporter, bootstrap Service
 * and listener NetworkPolicy; CloudNativePG's instances, poolers and their Services; the Keycloak operator's pods,
 * Service and NetworkPolicy), with the labels, ports and security contexts the operators give them.
 */
final class Topology {

    static final String NAMESPACE = "twinning";

    /** A pod as scheduled: its namespace, labels, named ports and pod spec (what Pod Security admission sees). */
    record Pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports,
               Map<String, Object> spec, String origin) {
    }

    /** A Service: its selector and each port with the pod port it targets (a number or a port name). */
    record Svc(String name, Map<String, String> selector, Map<Integer, Object> ports) {
    }

    /** Where a URL leads: pods behind a Service on a pod port, or an address outside the cluster. */
    record Target(List<Pod> pods, int podPort, boolean external, String problem) {
    }

    final List<Pod> pods = new ArrayList<>();
    final List<Svc> services = new ArrayList<>();
    final List<Map<String, Object>> policies = new ArrayList<>();
    final List<Map<String, Object>> docs;

    Topology(List<Map<String, Object>> docs) {
        this.docs = docs;
        for (Map<String, Object> d : docs) {
            String kind = (String) d.get("kind");
            String name = Overlay.name(d);
            switch (kind) {
                case "Deployment" -> pods.add(pod(name, at(d, "spec", "template", "metadata", "labels"),
                        at(d, "spec", "template", "spec"), "Deployment"));
                case "Service" -> services.add(service(d));
                case "NetworkPolicy" -> policies.add(d);
                case "KafkaNodePool" -> kafkaPool(d);
                case "Kafka" -> kafka(d);
                case "Cluster" -> cnpg(d);
                case "Pooler" -> pooler(d);
                case "Keycloak" -> keycloak(d);
                default -> { }
            }
        }
    }

    // ---- operator-made objects ------------------------------------------------------------------------------

    private void kafkaPool(Map<String, Object> pool) {
        String cluster = label(pool, "strimzi.io/cluster");
        Map<String, Object> kafka = find("Kafka", cluster);
        List<String> roles = at(pool, "spec", "roles");
        Map<String, String> labels = new LinkedHashMap<>(Map.of("strimzi.io/cluster", String.valueOf(cluster),
                "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka",
                "strimzi.io/pool-name", Overlay.name(pool)));
        labels.put("strimzi.io/broker-role", String.valueOf(roles != null && roles.contains("broker")));
        labels.put("strimzi.io/controller-role", String.valueOf(roles != null && roles.contains("controller")));
        Map<String, Integer> ports = new LinkedHashMap<>(Map.of("tcp-ctrlplane", 9090, "tcp-replication", 9091));
        List<Map<String, Object>> listeners = kafka == null ? List.of() : at(kafka, "spec", "kafka", "listeners");
        for (Map<String, Object> l : listeners) {
            ports.put("tcp-" + l.get("name"), (Integer) l.get("port"));
        }
        // A pool's template wins over the Kafka resource's, section by section.
        Map<String, Object> podTemplate = first(at(pool, "spec", "template", "pod"),
                kafka == null ? null : at(kafka, "spec", "kafka", "template", "pod"));
        Map<String, Object> container = first(at(pool, "spec", "template", "kafkaContainer"),
                kafka == null ? null : at(kafka, "spec", "kafka", "template", "kafkaContainer"));
        pods.add(new Pod(cluster + "-" + Overlay.name(pool), NAMESPACE, labels, ports,
                strimziPod(podTemplate, single("kafka", container)), "Strimzi KafkaNodePool"));
    }

    private void kafka(Map<String, Object> kafka) {
        String cluster = Overlay.name(kafka);
        Map<Integer, Object> bootstrap = new LinkedHashMap<>();
        List<Map<String, Object>> listeners = at(kafka, "spec", "kafka", "listeners");
        List<Map<String, Object>> ingress = new ArrayList<>();
        for (Map<String, Object> l : listeners) {
            bootstrap.put((Integer) l.get("port"), l.get("port"));
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("ports", List.of(Map.of("protocol", "TCP", "port", l.get("port"))));
            if (l.get("networkPolicyPeers") != null) {
                rule.put("from", l.get("networkPolicyPeers"));
            }
            ingress.add(rule);
        }
        services.add(new Svc(cluster + "-kafka-bootstrap", Map.of("strimzi.io/cluster", cluster,
                "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true"), bootstrap));
        // Strimzi's own policy: each listener open to its networkPolicyPeers (all when none are given).
        policies.add(policy(cluster + "-network-policy-kafka",
                Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka"),
                ingress));
        Map<String, Object> eo = at(kafka, "spec", "entityOperator");
        if (eo != null) {
            Map<String, Object> containers = new LinkedHashMap<>();
            containers.put("topic-operator", at(eo, "template", "topicOperatorContainer"));
            containers.put("user-operator", at(eo, "template", "userOperatorContainer"));
            pods.add(new Pod(cluster + "-entity-operator", NAMESPACE, Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/name", cluster + "-entity-operator"), Map.of(),
                    strimziPod(at(eo, "template", "pod"), containers), "Strimzi entity operator"));
        }
        Map<String, Object> exporter = at(kafka, "spec", "kafkaExporter");
        if (exporter != null) {
            pods.add(new Pod(cluster + "-kafka-exporter", NAMESPACE, Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/name", cluster + "-kafka-exporter"), Map.of("tcp-prometheus", 9404),
                    strimziPod(at(exporter, "template", "pod"), single("kafka-exporter", at(exporter, "template", "container"))),
                    "Strimzi Kafka exporter"));
        }
    }

    /** Strimzi's pods carry only what the templates give them (its default provider is `baseline`). */
    private static Map<String, Object> strimziPod(Map<String, Object> podTemplate, Map<String, Object> containerTemplates) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (podTemplate != null && podTemplate.get("securityContext") != null) {
            spec.put("securityContext", podTemplate.get("securityContext"));
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        containerTemplates.forEach((name, template) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            if (template instanceof Map<?, ?> t && t.get("securityContext") != null) {
                c.put("securityContext", t.get("securityContext"));
            }
            containers.add(c);
        });
        spec.put("containers", containers);
        spec.put("volumes", List.of(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "x")),
                Map.of("name", "certs", "secret", Map.of("secretName", "x"))));
        return spec;
    }

    private void cnpg(Map<String, Object> cluster) {
        String name = Overlay.name(cluster);
        // CloudNativePG's instance pods: postgres (uid 26) with no capabilities and no privilege escalation,
        // the seccomp profile of the Cluster (RuntimeDefault when unset).
        Map<String, Object> seccomp = at(cluster, "spec", "seccompProfile");
        Map<String, Object> seccompOrDefault = seccomp != null ? seccomp : Map.of("type", "RuntimeDefault");
        Map<String, Object> spec = Map.of(
                "securityContext", Map.of("runAsNonRoot", true, "runAsUser", 26, "runAsGroup", 26, "fsGroup", 26,
                        "seccompProfile", seccompOrDefault),
                "containers", List.of(Map.of("name", "postgres", "securityContext", Map.of(
                        "allowPrivilegeEscalation", false, "privileged", false, "readOnlyRootFilesystem", true,
                        "runAsNonRoot", true, "capabilities", Map.of("drop", List.of("ALL")),
                        "seccompProfile", seccompOrDefault))),
                "volumes", List.of(Map.of("name", "pgdata", "persistentVolumeClaim", Map.of("claimName", name + "-1")),
                        Map.of("name", "scratch-data", "emptyDir", Map.of())));
        Map<String, Integer> ports = Map.of("postgresql", 5432, "status", 8000, "metrics", 9187);
        pods.add(new Pod(name + "-1", NAMESPACE, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance",
                "cnpg.io/instanceRole", "primary", "role", "primary"), ports, spec, "CloudNativePG Cluster"));
        services.add(new Svc(name + "-rw", Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "primary"), Map.<Integer, Object>of(5432, 5432)));
        services.add(new Svc(name + "-ro", Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "replica"), Map.<Integer, Object>of(5432, 5432)));
        services.add(new Svc(name + "-r", Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"), Map.<Integer, Object>of(5432, 5432)));
    }

    private void pooler(Map<String, Object> pooler) {
        String name = Overlay.name(pooler);
        Map<String, Object> template = at(pooler, "spec", "template", "spec");
        Map<String, Object> spec = template != null ? template : Map.of(
                "securityContext", Map.of("runAsNonRoot", true, "seccompProfile", Map.of("type", "RuntimeDefault")),
                "containers", List.of(Map.of("name", "pgbouncer", "securityContext", Map.of(
                        "allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true, "runAsNonRoot", true,
                        "capabilities", Map.of("drop", List.of("ALL")),
                        "seccompProfile", Map.of("type", "RuntimeDefault")))));
        pods.add(new Pod(name + "-0", NAMESPACE, Map.of("cnpg.io/poolerName", name, "cnpg.io/podRole", "pooler"),
                Map.of("pgbouncer", 5432, "metrics", 9127), spec, "CloudNativePG Pooler"));
        services.add(new Svc(name, Map.of("cnpg.io/poolerName", name), Map.<Integer, Object>of(5432, 5432)));
    }

    private void keycloak(Map<String, Object> keycloak) {
        String name = Overlay.name(keycloak);
        boolean http = Boolean.TRUE.equals(at(keycloak, "spec", "http", "httpEnabled"));
        boolean https = at(keycloak, "spec", "http", "tlsSecret") != null;
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<Integer, Object> servicePorts = new LinkedHashMap<>();
        if (http) {
            ports.put("http", 8080);
            servicePorts.put(8080, 8080);
        }
        if (https) {
            ports.put("https", 8443);
            servicePorts.put(8443, 8443);
        }
        ports.put("management", 9000);
        servicePorts.put(9000, 9000);
        Map<String, String> labels = Map.of("app", "keycloak", "app.kubernetes.io/instance", name,
                "app.kubernetes.io/managed-by", "keycloak-operator");
        // The operator's pod has no security context of its own: what the CR's pod template gives it.
        Map<String, Object> template = at(keycloak, "spec", "unsupported", "podTemplate", "spec");
        Map<String, Object> spec = new LinkedHashMap<>();
        if (template != null && template.get("securityContext") != null) {
            spec.put("securityContext", template.get("securityContext"));
        }
        Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "keycloak"));
        List<Map<String, Object>> templateContainers = template == null ? null : at(template, "containers");
        if (templateContainers != null && !templateContainers.isEmpty() && templateContainers.get(0).get("securityContext") != null) {
            container.put("securityContext", templateContainers.get(0).get("securityContext"));
        }
        spec.put("containers", List.of(container));
        pods.add(new Pod(name + "-0", NAMESPACE, labels, ports, spec, "Keycloak operator"));
        services.add(new Svc(name + "-service", Map.of("app", "keycloak", "app.kubernetes.io/instance", name), servicePorts));
        Map<String, Object> np = at(keycloak, "spec", "networkPolicy");
        if (np == null || !Boolean.FALSE.equals(np.get("enabled"))) {
            List<Map<String, Object>> ingress = new ArrayList<>();
            if (http) {
                ingress.add(rule(8080, np == null ? null : np.get("http")));
            }
            if (https) {
                ingress.add(rule(8443, np == null ? null : np.get("https")));
            }
            ingress.add(rule(9000, np == null ? null : np.get("management")));
            policies.add(policy(name + "-network-policy", labels, ingress));
        }
    }

    private static Map<String, Object> rule(int port, Object peers) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ports", List.of(Map.of("protocol", "TCP", "port", port)));
        if (peers instanceof List<?> list && !list.isEmpty()) {
            rule.put("from", list);
        }
        return rule;
    }

    private static Map<String, Object> policy(String name, Map<String, String> selector, List<Map<String, Object>> ingress) {
        return Map.of("kind", "NetworkPolicy", "metadata", Map.of("name", name),
                "spec", Map.of("podSelector", Map.of("matchLabels", selector), "policyTypes", List.of("Ingress"),
                        "ingress", ingress));
    }

    private Pod pod(String name, Map<String, String> labels, Map<String, Object> spec, String origin) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Map<String, Object>> containers = at(spec, "containers");
        for (Map<String, Object> c : containers) {
            List<Map<String, Object>> cp = at(c, "ports");
            for (Map<String, Object> p : cp == null ? List.<Map<String, Object>>of() : cp) {
                ports.put(String.valueOf(p.getOrDefault("name", p.get("containerPort"))), (Integer) p.get("containerPort"));
            }
        }
        return new Pod(name, NAMESPACE, labels == null ? Map.of() : labels, ports, spec, origin);
    }

    private static Svc service(Map<String, Object> d) {
        Map<Integer, Object> ports = new LinkedHashMap<>();
        List<Map<String, Object>> list = at(d, "spec", "ports");
        for (Map<String, Object> p : list) {
            ports.put((Integer) p.get("port"), p.getOrDefault("targetPort", p.get("port")));
        }
        Map<String, String> selector = at(d, "spec", "selector");
        return new Svc(Overlay.name(d), selector == null ? Map.of() : selector, ports);
    }

    // ---- lookups --------------------------------------------------------------------------------------------

    Map<String, Object> find(String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && Objects.equals(name, Overlay.name(d)))
                .findFirst().orElse(null);
    }

    List<Pod> selected(Map<String, String> selector) {
        return pods.stream().filter(p -> p.namespace().equals(NAMESPACE) && matches(selector, p.labels())).toList();
    }

    /** A host and port as a pod would dial them: a Service of the namespace, or an address outside. */
    Target resolve(String host, int port) {
        String service = host;
        if (host.endsWith(".svc.cluster.local")) {
            service = host.substring(0, host.length() - ".svc.cluster.local".length());
        } else if (host.endsWith(".svc")) {
            service = host.substring(0, host.length() - ".svc".length());
        }
        String[] parts = service.split("\\.");
        boolean inCluster = parts.length == 1 || (parts.length == 2 && (parts[1].equals(NAMESPACE) || host.endsWith(".svc")
                || host.endsWith(".svc.cluster.local")));
        if (!inCluster) {
            return new Target(List.of(), port, true, null);
        }
        if (parts.length == 2 && !parts[1].equals(NAMESPACE)) {
            return new Target(List.of(), port, false, "namespace " + parts[1] + " is not part of these manifests");
        }
        String svcName = parts[0];
        Svc svc = services.stream().filter(s -> s.name().equals(svcName)).findFirst().orElse(null);
        if (svc == null) {
            return new Target(List.of(), port, false, "no Service " + svcName);
        }
        Object targetPort = svc.ports().get(port);
        if (targetPort == null) {
            return new Target(List.of(), port, false, "Service " + svcName + " has no port " + port + " (it has " + svc.ports().keySet() + ")");
        }
        List<Pod> pods = selected(svc.selector());
        if (pods.isEmpty()) {
            return new Target(List.of(), port, false, "Service " + svcName + " selects no pod");
        }
        Integer podPort = targetPort instanceof Integer i ? i : pods.get(0).ports().get(String.valueOf(targetPort));
        if (podPort == null) {
            return new Target(pods, -1, false, "Service " + svcName + " targets port " + targetPort + " that its pods do not name");
        }
        return new Target(pods, podPort, false, null);
    }

    // ---- NetworkPolicy semantics ----------------------------------------------------------------------------

    /** Whether `from` may open a connection to `to` on `port`: `from`'s egress and `to`'s ingress both allow it. */
    String denies(Pod from, Pod to, int port) {
        if (!allowed(from, "Egress", to, port)) {
            return "egress of " + from.name() + " does not allow " + to.name() + ":" + port;
        }
        if (!allowed(to, "Ingress", from, port)) {
            return "ingress of " + to.name() + " does not allow " + from.name() + " on " + port;
        }
        return null;
    }

    /** Whether the NetworkPolicies of `to` let `from` in on `port`, whatever `from`'s own egress allows. */
    boolean admits(Pod to, Pod from, int port) {
        return allowed(to, "Ingress", from, port);
    }

    /** Whether `from` may reach an address outside the cluster (a public one) on `port`. */
    String deniesExternal(Pod from, int port) {
        return allowed(from, "Egress", null, port) ? null : "egress of " + from.name() + " does not allow a public address on " + port;
    }

    private boolean allowed(Pod subject, String direction, Pod peer, int port) {
        List<Map<String, Object>> applying = policies.stream()
                .filter(p -> matchesSelector(at(p, "spec", "podSelector"), subject.labels()))
                .filter(p -> types(p).contains(direction)).toList();
        if (applying.isEmpty()) {
            return true;
        }
        String key = direction.equals("Ingress") ? "ingress" : "egress";
        String peersKey = direction.equals("Ingress") ? "from" : "to";
        Pod portOwner = direction.equals("Ingress") ? subject : peer;
        for (Map<String, Object> p : applying) {
            List<Map<String, Object>> rules = at(p, "spec", key);
            for (Map<String, Object> rule : rules == null ? List.<Map<String, Object>>of() : rules) {
                if (portMatches(rule.get("ports"), port, portOwner) && peerMatches(rule.get(peersKey), peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> policy) {
        List<String> types = at(policy, "spec", "policyTypes");
        if (types != null) {
            return types;
        }
        return at(policy, "spec", "egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    @SuppressWarnings("unchecked")
    private static boolean portMatches(Object ports, int port, Pod owner) {
        if (!(ports instanceof List<?> list) || list.isEmpty()) {
            return true;
        }
        for (Object o : list) {
            Map<String, Object> p = (Map<String, Object>) o;
            if (!"TCP".equals(p.getOrDefault("protocol", "TCP"))) {
                continue;
            }
            Object value = p.get("port");
            if (value == null || Objects.equals(value, port)
                    || (value instanceof String named && owner != null && Objects.equals(owner.ports().get(named), port))) {
                return true;
            }
            if (value instanceof Integer from && p.get("endPort") instanceof Integer to && port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    /** A peer list allows `peer` (null: a public address outside the cluster). */
    @SuppressWarnings("unchecked")
    private static boolean peerMatches(Object peers, Pod peer) {
        if (!(peers instanceof List<?> list) || list.isEmpty()) {
            return true;
        }
        for (Object o : list) {
            Map<String, Object> p = (Map<String, Object>) o;
            if (p.get("ipBlock") != null) {
                if (peer == null && publicAllowed((Map<String, Object>) p.get("ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (peer == null) {
                continue;
            }
            Map<String, Object> ns = (Map<String, Object>) p.get("namespaceSelector");
            Map<String, Object> pods = (Map<String, Object>) p.get("podSelector");
            boolean nsOk = ns == null ? peer.namespace().equals(NAMESPACE)
                    : matchesSelector(ns, Map.of("kubernetes.io/metadata.name", peer.namespace()));
            boolean podOk = pods == null || matchesSelector(pods, peer.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    /** An ipBlock lets through a public address: 0.0.0.0/0 whose exceptions are private ranges only. */
    @SuppressWarnings("unchecked")
    private static boolean publicAllowed(Map<String, Object> block) {
        if (!"0.0.0.0/0".equals(block.get("cidr"))) {
            return false;
        }
        List<String> except = (List<String>) block.getOrDefault("except", List.of());
        return except.stream().allMatch(c -> c.startsWith("10.") || c.startsWith("172.16.") || c.startsWith("192.168.")
                || c.startsWith("169.254.") || c.startsWith("100.64.") || c.startsWith("127."));
    }

    @SuppressWarnings("unchecked")
    static boolean matchesSelector(Map<String, Object> selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> matchLabels = (Map<String, String>) selector.get("matchLabels");
        if (matchLabels != null && !matches(matchLabels, labels)) {
            return false;
        }
        List<Map<String, Object>> expressions = (List<Map<String, Object>>) selector.get("matchExpressions");
        for (Map<String, Object> e : expressions == null ? List.<Map<String, Object>>of() : expressions) {
            String value = labels.get((String) e.get("key"));
            List<String> values = (List<String>) e.getOrDefault("values", List.of());
            boolean ok = switch ((String) e.get("operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(labels.get(e.getKey()), String.valueOf(e.getValue())));
    }

    private String label(Map<String, Object> d, String key) {
        Map<String, String> labels = at(d, "metadata", "labels");
        return labels == null ? null : labels.get(key);
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> first(Map<String, Object> a, Map<String, Object> b) {
        return a != null ? a : b;
    }

    /** The environment a container sees: its ConfigMaps (envFrom) overlaid by its own env values. */
    Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        List<Map<String, Object>> from = at(container, "envFrom");
        for (Map<String, Object> f : from == null ? List.<Map<String, Object>>of() : from) {
            String cm = at(f, "configMapRef", "name");
            Map<String, Object> configMap = cm == null ? null : find("ConfigMap", cm);
            if (configMap != null && configMap.get("data") instanceof Map<?, ?> data) {
                data.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
            }
        }
        List<Map<String, Object>> values = at(container, "env");
        for (Map<String, Object> v : values == null ? List.<Map<String, Object>>of() : values) {
            env.put((String) v.get("name"), v.get("value") != null ? String.valueOf(v.get("value")) : "<from " + v.get("valueFrom") + ">");
        }
        return env;
    }
}
