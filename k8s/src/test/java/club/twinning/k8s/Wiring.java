package club.twinning.k8s;

import static club.twinning.k8s.Overlay.at;
import static club.twinning.k8s.Overlay.name;

import club.twinning.k8s.Topology.Pod;
import club.twinning.k8s.Topology.Target;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of how rendered objects connect; each returns the problems it finds (none: the objects fit). */
final class Wiring {

    private Wiring() {
    }

    static final String GATEWAY_NAMESPACE = "envoy-gateway-system";
    static final String MONITORING_NAMESPACE = "monitoring";
    /** Off-heap of a service measured beside its heap (metaspace, threads, code cache, direct buffers). */
    static final int OFF_HEAP_MIB = 160;
    /** Resident size measured under load (./twinning bench), per Deployment. */
    static final Map<String, Integer> MEASURED_RSS_MIB = Map.of("registry-service", 490, "exchange-service", 490,
            "notification-service", 490, "portal", 150);
    /** Who scrapes the management port and who reaches the routes' back ends, as pods the policies are read for. */
    static final Pod PROMETHEUS = new Pod("prometheus", MONITORING_NAMESPACE, Map.of("app.kubernetes.io/name", "prometheus"), Map.of(), Map.of(), "");
    static final Pod GATEWAY = new Pod("envoy", GATEWAY_NAMESPACE, Map.of("app.kubernetes.io/name", "envoy"), Map.of(), Map.of(), "");

    static List<Map<String, Object>> quarkus(List<Map<String, Object>> docs) {
        return docs.stream().filter(d -> "Deployment".equals(d.get("kind"))
                && "quarkus".equals(at(d, "metadata", "labels", "twinning.club/runtime"))).toList();
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        return containers.get(0);
    }

    // ---- every URL a service is configured with is a path the network allows ---------------------------------

    record Endpoint(String what, String scheme, String host, int port) {
    }

    static List<Endpoint> endpoints(Map<String, String> env) {
        List<Endpoint> out = new ArrayList<>();
        env.forEach((k, v) -> {
            if (k.equals("QUARKUS_DATASOURCE_JDBC_URL")) {
                out.add(url(k, v.replaceFirst("^jdbc:", "")));
            } else if (k.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                for (String hp : v.split(",")) {
                    out.add(url(k, "kafka://" + hp.trim()));
                }
            } else if (k.equals("QUARKUS_OIDC_AUTH_SERVER_URL") || k.equals("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")
                    || (k.startsWith("QUARKUS_REST_CLIENT_") && k.endsWith("_URL"))) {
                out.add(url(k, v));
            }
        });
        if (env.containsKey("QUARKUS_MAILER_HOST")) {
            out.add(new Endpoint("QUARKUS_MAILER_HOST", "smtp", env.get("QUARKUS_MAILER_HOST"),
                    Integer.parseInt(env.getOrDefault("QUARKUS_MAILER_PORT", "25"))));
        }
        return out;
    }

    private static Endpoint url(String what, String value) {
        URI uri = URI.create(value);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new Endpoint(what, uri.getScheme(), uri.getHost(), port);
    }

    static List<String> networkPaths(List<Map<String, Object>> docs) {
        Topology t = new Topology(docs);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : quarkus(docs)) {
            Pod from = t.pods.stream().filter(p -> p.name().equals(name(d))).findFirst().orElseThrow();
            Map<String, String> env = t.environment(container(d));
            List<Endpoint> endpoints = endpoints(env);
            if (endpoints.isEmpty()) {
                problems.add(name(d) + ": no endpoint configured");
            }
            for (Endpoint e : endpoints) {
                String where = name(d) + " " + e.what() + " " + e.host() + ":" + e.port() + ": ";
                Target target = t.resolve(e.host(), e.port());
                if (target.problem() != null) {
                    problems.add(where + target.problem());
                    continue;
                }
                if (target.external()) {
                    String denied = t.deniesExternal(from, e.port());
                    if (denied != null) {
                        problems.add(where + denied);
                    }
                    continue;
                }
                for (Pod to : target.pods()) {
                    String denied = t.denies(from, to, target.podPort());
                    if (denied != null) {
                        problems.add(where + denied);
                    }
                    problems.addAll(protocol(t, d, env, e, to, target.podPort()).stream().map(p -> where + p).toList());
                }
            }
        }
        // The scraper reaches what each PodMonitor names; the gateway reaches each route's back end.
        for (Map<String, Object> pm : Overlay.ofKind(docs, "PodMonitor")) {
            List<Pod> pods = t.pods.stream().filter(p -> Topology.matchesSelector(at(pm, "spec", "selector"), p.labels())).toList();
            List<Map<String, Object>> endpoints = at(pm, "spec", "podMetricsEndpoints");
            for (Pod pod : pods) {
                for (Map<String, Object> ep : endpoints) {
                    Integer port = pod.ports().get((String) ep.get("port"));
                    String denied = port == null ? "has no port " + ep.get("port") : t.denies(PROMETHEUS, pod, port);
                    if (denied != null) {
                        problems.add("PodMonitor " + name(pm) + ": " + pod.name() + " " + denied);
                    }
                }
            }
        }
        for (Map<String, Object> route : Overlay.ofKind(docs, "HTTPRoute")) {
            List<Map<String, Object>> rules = at(route, "spec", "rules");
            for (Map<String, Object> rule : rules) {
                List<Map<String, Object>> backends = at(rule, "backendRefs");
                for (Map<String, Object> b : backends) {
                    Target target = t.resolve((String) b.get("name"), (Integer) b.get("port"));
                    if (target.problem() != null) {
                        problems.add("HTTPRoute " + name(route) + ": " + target.problem());
                        continue;
                    }
                    for (Pod to : target.pods()) {
                        String denied = t.denies(GATEWAY, to, target.podPort());
                        if (denied != null) {
                            problems.add("HTTPRoute " + name(route) + ": " + denied);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** What the target asks of a client on that port: Kafka's listener security, Keycloak's scheme and CA. */
    private static List<String> protocol(Topology t, Map<String, Object> d, Map<String, String> env, Endpoint e, Pod to, int port) {
        List<String> problems = new ArrayList<>();
        if (to.origin().equals("Strimzi KafkaNodePool")) {
            String cluster = to.labels().get("strimzi.io/cluster");
            List<Map<String, Object>> listeners = at(t.find("Kafka", cluster), "spec", "kafka", "listeners");
            Map<String, Object> listener = listeners.stream().filter(l -> Integer.valueOf(port).equals(l.get("port"))).findFirst().orElse(null);
            if (listener == null) {
                return List.of("no Kafka listener on " + port);
            }
            boolean tls = Boolean.TRUE.equals(listener.get("tls"));
            String auth = at(listener, "authentication", "type");
            String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            String expected = (tls ? "SSL" : "PLAINTEXT");
            if ("scram-sha-512".equals(auth)) {
                expected = tls ? "SASL_SSL" : "SASL_PLAINTEXT";
                if (!"SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM"))) {
                    problems.add("listener " + listener.get("name") + " takes SCRAM-SHA-512, KAFKA_SASL_MECHANISM is " + env.get("KAFKA_SASL_MECHANISM"));
                }
                String user = secretOf(container(d), "KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config");
                Map<String, Object> kafkaUser = user == null ? null : t.find("KafkaUser", user);
                if (kafkaUser == null || !cluster.equals(at(kafkaUser, "metadata", "labels", "strimzi.io/cluster"))
                        || !"scram-sha-512".equals(at(kafkaUser, "spec", "authentication", "type"))) {
                    problems.add("KAFKA_SASL_JAAS_CONFIG is not the sasl.jaas.config of a SCRAM KafkaUser of " + cluster);
                }
            }
            if (!expected.equals(protocol)) {
                problems.add("listener " + listener.get("name") + " wants KAFKA_SECURITY_PROTOCOL " + expected + ", not " + protocol);
            }
            if (tls && !mountedFrom(d, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"), cluster + "-cluster-ca-cert", "ca.crt")) {
                problems.add("KAFKA_SSL_TRUSTSTORE_LOCATION is not the ca.crt of " + cluster + "-cluster-ca-cert mounted in the pod");
            }
        }
        if (to.origin().equals("Keycloak operator")) {
            String wanted = port == 8443 ? "https" : "http";
            if (!wanted.equals(e.scheme())) {
                problems.add("Keycloak serves " + wanted + " on " + port + ", the URL says " + e.scheme());
            }
            if (port == 8443) {
                String tlsName = env.get("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME");
                String certs = tlsName == null ? null : env.get("QUARKUS_TLS_" + tlsName.toUpperCase() + "_TRUST_STORE_PEM_CERTS");
                Map<String, Object> keycloak = t.find("Keycloak", to.labels().get("app.kubernetes.io/instance"));
                if (certs == null || !mountedFrom(d, certs, null, "ca.crt")) {
                    problems.add("no trust store for Keycloak's certificate (QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME and its PEM certs, mounted)");
                }
                if (keycloak != null && !Boolean.TRUE.equals(at(keycloak, "spec", "hostname", "backchannelDynamic"))) {
                    problems.add("Keycloak's hostname is public and backchannelDynamic is off: the back channel URLs are unreachable");
                }
            }
        }
        return problems;
    }

    static String secretOf(Map<String, Object> container, String env, String key) {
        List<Map<String, Object>> values = at(container, "env");
        for (Map<String, Object> v : values == null ? List.<Map<String, Object>>of() : values) {
            if (env.equals(v.get("name")) && key.equals(at(v, "valueFrom", "secretKeyRef", "key"))) {
                return at(v, "valueFrom", "secretKeyRef", "name");
            }
        }
        return null;
    }

    /** The file is a key of a Secret (of that name, when given) mounted in the Deployment's container. */
    static boolean mountedFrom(Map<String, Object> d, String file, String secret, String key) {
        if (file == null) {
            return false;
        }
        List<Map<String, Object>> mounts = at(container(d), "volumeMounts");
        List<Map<String, Object>> volumes = at(d, "spec", "template", "spec", "volumes");
        for (Map<String, Object> m : mounts == null ? List.<Map<String, Object>>of() : mounts) {
            if (!file.equals(m.get("mountPath") + "/" + key)) {
                continue;
            }
            for (Map<String, Object> v : volumes) {
                if (v.get("name").equals(m.get("name")) && v.get("secret") != null
                        && (secret == null || secret.equals(at(v, "secret", "secretName")))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- selectors match labels ------------------------------------------------------------------------------

    static List<String> selectors(List<Map<String, Object>> docs) {
        Topology t = new Topology(docs);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            String kind = (String) d.get("kind");
            String where = kind + "/" + name(d) + ": ";
            switch (kind) {
                case "Deployment" -> {
                    Map<String, String> selector = at(d, "spec", "selector", "matchLabels");
                    if (!Topology.matches(selector, at(d, "spec", "template", "metadata", "labels"))) {
                        problems.add(where + "selector " + selector + " does not match its pod template's labels");
                    }
                }
                case "Service" -> {
                    Map<String, String> selector = at(d, "spec", "selector");
                    if (t.selected(selector).isEmpty()) {
                        problems.add(where + "selector " + selector + " matches no pod");
                    }
                    List<Map<String, Object>> ports = at(d, "spec", "ports");
                    for (Map<String, Object> p : ports) {
                        Target target = t.resolve(name(d), (Integer) p.get("port"));
                        if (target.problem() != null && !t.selected(selector).isEmpty()) {
                            problems.add(where + target.problem());
                        }
                    }
                }
                case "PodDisruptionBudget" -> {
                    if (t.pods.stream().noneMatch(p -> Topology.matchesSelector(at(d, "spec", "selector"), p.labels()))) {
                        problems.add(where + "selector matches no pod");
                    }
                }
                case "NetworkPolicy", "PodMonitor" -> {
                    Map<String, Object> selector = kind.equals("PodMonitor") ? at(d, "spec", "selector") : at(d, "spec", "podSelector");
                    if (t.pods.stream().noneMatch(p -> Topology.matchesSelector(selector, p.labels()))) {
                        problems.add(where + "selector " + selector + " matches no pod");
                    }
                }
                case "HorizontalPodAutoscaler" -> {
                    if (t.find((String) at(d, "spec", "scaleTargetRef", "kind"), at(d, "spec", "scaleTargetRef", "name")) == null) {
                        problems.add(where + "scales " + at(d, "spec", "scaleTargetRef", "name") + ", which does not exist");
                    }
                }
                case "KafkaTopic", "KafkaUser", "KafkaNodePool" -> {
                    if (t.find("Kafka", at(d, "metadata", "labels", "strimzi.io/cluster")) == null) {
                        problems.add(where + "strimzi.io/cluster names no Kafka");
                    }
                }
                case "Pooler", "Database", "ScheduledBackup" -> {
                    if (t.find("Cluster", at(d, "spec", "cluster", "name")) == null) {
                        problems.add(where + "names no CloudNativePG Cluster");
                    }
                }
                case "KeycloakRealmImport" -> {
                    if (t.find("Keycloak", at(d, "spec", "keycloakCRName")) == null) {
                        problems.add(where + "keycloakCRName names no Keycloak");
                    }
                }
                case "HTTPRoute" -> {
                    List<Map<String, Object>> parents = at(d, "spec", "parentRefs");
                    for (Map<String, Object> parent : parents) {
                        Map<String, Object> gateway = t.find("Gateway", (String) parent.get("name"));
                        Map<String, Object> listener = gateway == null ? null : listener(gateway, (String) parent.get("sectionName"));
                        List<String> hostnames = at(d, "spec", "hostnames");
                        if (listener == null) {
                            problems.add(where + "parent " + parent + " is no Gateway listener");
                        } else if (hostnames == null || !hostnames.contains(listener.get("hostname"))) {
                            problems.add(where + "hostnames " + hostnames + " miss the listener's " + listener.get("hostname"));
                        }
                    }
                }
                default -> { }
            }
        }
        return problems;
    }

    static Map<String, Object> listener(Map<String, Object> gateway, String section) {
        List<Map<String, Object>> listeners = at(gateway, "spec", "listeners");
        return listeners.stream().filter(l -> section == null || section.equals(l.get("name"))).findFirst().orElse(null);
    }

    // ---- every referenced Secret, ConfigMap and key exists or is produced -------------------------------------

    /** Secrets that operators or the External Secrets Operator write, by name, with their keys (null: any). */
    static Map<String, Set<String>> producedSecrets(List<Map<String, Object>> docs) {
        Map<String, Set<String>> produced = new HashMap<>();
        for (Map<String, Object> d : docs) {
            String n = name(d);
            switch ((String) d.get("kind")) {
                case "ExternalSecret" -> {
                    Set<String> keys = new LinkedHashSet<>();
                    List<Map<String, Object>> data = at(d, "spec", "data");
                    for (Map<String, Object> item : data == null ? List.<Map<String, Object>>of() : data) {
                        keys.add((String) item.get("secretKey"));
                    }
                    Map<String, Object> templateData = at(d, "spec", "target", "template", "data");
                    if (templateData != null) {
                        keys.addAll(templateData.keySet());
                    }
                    String target = at(d, "spec", "target", "name");
                    produced.put(target != null ? target : n, at(d, "spec", "dataFrom") != null ? null : keys);
                }
                case "KafkaUser" -> produced.put(n, Set.of("password", "sasl.jaas.config"));
                case "Kafka" -> {
                    produced.put(n + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                    produced.put(n + "-clients-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                }
                case "Cluster" -> {
                    for (String s : List.of("-app", "-superuser")) {
                        produced.put(n + s, Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"));
                    }
                    produced.put(n + "-ca", Set.of("ca.crt", "ca.key"));
                }
                case "Secret" -> produced.put(n, null);
                default -> { }
            }
        }
        return produced;
    }

    record Reference(String from, String kind, String name, String key) {
    }

    @SuppressWarnings("unchecked")
    static List<Reference> references(List<Map<String, Object>> docs) {
        List<Reference> refs = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            String from = d.get("kind") + "/" + name(d);
            switch ((String) d.get("kind")) {
                case "Deployment" -> {
                    Map<String, Object> spec = at(d, "spec", "template", "spec");
                    List<Map<String, Object>> containers = at(spec, "containers");
                    for (Map<String, Object> c : containers) {
                        List<Map<String, Object>> env = at(c, "env");
                        for (Map<String, Object> v : env == null ? List.<Map<String, Object>>of() : env) {
                            Map<String, Object> s = at(v, "valueFrom", "secretKeyRef");
                            Map<String, Object> cm = at(v, "valueFrom", "configMapKeyRef");
                            if (s != null) {
                                refs.add(new Reference(from, "Secret", (String) s.get("name"), (String) s.get("key")));
                            }
                            if (cm != null) {
                                refs.add(new Reference(from, "ConfigMap", (String) cm.get("name"), (String) cm.get("key")));
                            }
                        }
                        List<Map<String, Object>> envFrom = at(c, "envFrom");
                        for (Map<String, Object> f : envFrom == null ? List.<Map<String, Object>>of() : envFrom) {
                            if (f.get("configMapRef") != null) {
                                refs.add(new Reference(from, "ConfigMap", at(f, "configMapRef", "name"), null));
                            }
                            if (f.get("secretRef") != null) {
                                refs.add(new Reference(from, "Secret", at(f, "secretRef", "name"), null));
                            }
                        }
                    }
                    List<Map<String, Object>> volumes = at(spec, "volumes");
                    for (Map<String, Object> v : volumes == null ? List.<Map<String, Object>>of() : volumes) {
                        for (String kind : List.of("secret", "configMap")) {
                            Map<String, Object> src = (Map<String, Object>) v.get(kind);
                            if (src == null) {
                                continue;
                            }
                            String refName = (String) src.getOrDefault("secretName", src.get("name"));
                            String refKind = kind.equals("secret") ? "Secret" : "ConfigMap";
                            List<Map<String, Object>> items = (List<Map<String, Object>>) src.get("items");
                            if (items == null) {
                                refs.add(new Reference(from, refKind, refName, null));
                            } else {
                                items.forEach(i -> refs.add(new Reference(from, refKind, refName, (String) i.get("key"))));
                            }
                        }
                    }
                }
                case "Keycloak" -> {
                    for (String s : List.of("usernameSecret", "passwordSecret")) {
                        refs.add(new Reference(from, "Secret", at(d, "spec", "db", s, "name"), at(d, "spec", "db", s, "key")));
                    }
                    String tls = at(d, "spec", "http", "tlsSecret");
                    if (tls != null) {
                        refs.add(new Reference(from, "Secret", tls, "tls.crt"));
                        refs.add(new Reference(from, "Secret", tls, "tls.key"));
                    }
                }
                case "KeycloakRealmImport" -> {
                    Map<String, Map<String, Object>> placeholders = at(d, "spec", "placeholders");
                    (placeholders == null ? Map.<String, Map<String, Object>>of() : placeholders).values().forEach(p ->
                            refs.add(new Reference(from, "Secret", at(p, "secret", "name"), at(p, "secret", "key"))));
                }
                case "Cluster" -> {
                    List<Map<String, Object>> roles = at(d, "spec", "managed", "roles");
                    for (Map<String, Object> r : roles == null ? List.<Map<String, Object>>of() : roles) {
                        String secret = at(r, "passwordSecret", "name");
                        if (secret != null) {
                            refs.add(new Reference(from, "Secret", secret, "username"));
                            refs.add(new Reference(from, "Secret", secret, "password"));
                        }
                    }
                    Map<String, Object> s3 = at(d, "spec", "backup", "barmanObjectStore", "s3Credentials");
                    if (s3 != null) {
                        for (Object cred : s3.values()) {
                            if (cred instanceof Map<?, ?> c) {
                                refs.add(new Reference(from, "Secret", (String) c.get("name"), (String) c.get("key")));
                            }
                        }
                    }
                    List<Map<String, Object>> queries = at(d, "spec", "monitoring", "customQueriesConfigMap");
                    for (Map<String, Object> q : queries == null ? List.<Map<String, Object>>of() : queries) {
                        refs.add(new Reference(from, "ConfigMap", (String) q.get("name"), (String) q.get("key")));
                    }
                }
                case "Gateway" -> {
                    List<Map<String, Object>> listeners = at(d, "spec", "listeners");
                    for (Map<String, Object> l : listeners) {
                        List<Map<String, Object>> certs = at(l, "tls", "certificateRefs");
                        for (Map<String, Object> c : certs == null ? List.<Map<String, Object>>of() : certs) {
                            refs.add(new Reference(from, "Secret", (String) c.get("name"), "tls.crt"));
                            refs.add(new Reference(from, "Secret", (String) c.get("name"), "tls.key"));
                        }
                    }
                }
                case "BackendTLSPolicy" -> {
                    List<Map<String, Object>> cas = at(d, "spec", "validation", "caCertificateRefs");
                    for (Map<String, Object> c : cas == null ? List.<Map<String, Object>>of() : cas) {
                        refs.add(new Reference(from, (String) c.get("kind"), (String) c.get("name"), "ca.crt"));
                    }
                }
                default -> { }
            }
        }
        return refs;
    }

    /** @param handMade Secrets an operator creates by hand in that overlay (named in docs/operations.md) */
    static List<String> references(List<Map<String, Object>> docs, Set<String> handMade) {
        Map<String, Set<String>> secrets = producedSecrets(docs);
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (Map<String, Object> cm : Overlay.ofKind(docs, "ConfigMap")) {
            Map<String, Object> data = (Map<String, Object>) cm.get("data");
            configMaps.put(name(cm), data == null ? Set.of() : data.keySet());
        }
        List<String> problems = new ArrayList<>();
        for (Reference r : references(docs)) {
            Map<String, Set<String>> known = r.kind().equals("Secret") ? secrets : configMaps;
            if (!known.containsKey(r.name())) {
                if (!(r.kind().equals("Secret") && handMade.contains(r.name()))) {
                    problems.add(r.from() + ": " + r.kind() + " " + r.name() + " is neither declared nor produced by an ExternalSecret or an operator");
                }
            } else if (r.key() != null && known.get(r.name()) != null && !known.get(r.name()).contains(r.key())) {
                problems.add(r.from() + ": " + r.kind() + " " + r.name() + " has no key " + r.key() + " (it has " + known.get(r.name()) + ")");
            }
        }
        return problems;
    }

    // ---- the portal's redirect matches the realm ---------------------------------------------------------------

    static List<String> redirects(List<Map<String, Object>> docs) {
        Topology t = new Topology(docs);
        List<String> problems = new ArrayList<>();
        Map<String, Object> route = t.find("HTTPRoute", "portal");
        Map<String, Object> parent = ((List<Map<String, Object>>) at(route, "spec", "parentRefs")).get(0);
        Map<String, Object> listener = listener(t.find("Gateway", (String) parent.get("name")), (String) parent.get("sectionName"));
        String scheme = "HTTPS".equals(listener.get("protocol")) ? "https" : "http";
        String host = ((List<String>) at(route, "spec", "hostnames")).get(0);
        String publicUrl = scheme + "://" + host + "/";
        Map<String, String> env = t.environment(container(t.find("Deployment", "portal")));
        if (!"true".equals(env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING")) || !"true".equals(env.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"))) {
            problems.add("portal: behind the gateway without X-Forwarded-* (QUARKUS_HTTP_PROXY_*): its redirect_uri names the pod");
        }
        if (scheme.equals("https")) {
            if (!"true".equals(env.get("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME"))) {
                problems.add("portal: served over https but its OIDC redirect_uri is not forced to https");
            }
            if (!"true".equals(env.get("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE"))) {
                problems.add("portal: served over https but its session and state cookies are not Secure");
            }
        }
        Map<String, Object> realm = at(Overlay.ofKind(docs, "KeycloakRealmImport").get(0), "spec", "realm");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        String clientId = env.getOrDefault("QUARKUS_OIDC_CLIENT_ID", "twinning-portal");
        Map<String, Object> client = clients.stream().filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElse(null);
        if (client == null) {
            return List.of("realm has no client " + clientId);
        }
        List<String> uris = (List<String>) client.get("redirectUris");
        if (uris == null || uris.isEmpty() || !uris.stream().allMatch(u -> u.startsWith(publicUrl))) {
            problems.add("realm client " + clientId + " redirect URIs " + uris + " do not all start with the portal's " + publicUrl);
        }
        Map<String, Object> keycloak = Overlay.ofKind(docs, "Keycloak").get(0);
        Map<String, Object> authRoute = t.find("HTTPRoute", "keycloak");
        Map<String, Object> authParent = ((List<Map<String, Object>>) at(authRoute, "spec", "parentRefs")).get(0);
        Map<String, Object> authListener = listener(t.find("Gateway", (String) authParent.get("name")), (String) authParent.get("sectionName"));
        String authUrl = ("HTTPS".equals(authListener.get("protocol")) ? "https" : "http") + "://" + ((List<String>) at(authRoute, "spec", "hostnames")).get(0);
        if (!authUrl.equals(at(keycloak, "spec", "hostname", "hostname"))) {
            problems.add("Keycloak's hostname " + at(keycloak, "spec", "hostname", "hostname") + " is not its public route " + authUrl);
        }
        return problems;
    }

    // ---- Kafka ACLs: what each service's channels need, and nothing more -------------------------------------

    static Properties properties(String service) {
        Properties p = new Properties();
        for (Path file : List.of(Overlay.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                Overlay.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return p;
    }

    record Channel(String direction, String name, List<String> topics, String group, String deadLetters) {
    }

    static List<Channel> channels(String service) {
        Properties p = properties(service);
        List<Channel> out = new ArrayList<>();
        Pattern connector = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
        for (String key : p.stringPropertyNames()) {
            Matcher m = connector.matcher(key);
            if (m.matches() && "smallrye-kafka".equals(p.getProperty(key))) {
                String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
                String topics = p.getProperty(prefix + "topics", p.getProperty(prefix + "topic"));
                out.add(new Channel(m.group(1), m.group(2), topics == null ? List.of() : List.of(topics.split(",")),
                        p.getProperty(prefix + "group.id"), p.getProperty(prefix + "dead-letter-queue.topic")));
            }
        }
        return out;
    }

    /** The topics a service owns: twinning.<its name without -service>.*. */
    static String ownPrefix(String service) {
        return "twinning." + service.replace("-service", "") + ".";
    }

    @SuppressWarnings("unchecked")
    static List<String> kafkaAcls(List<Map<String, Object>> docs) {
        Topology t = new Topology(docs);
        List<String> problems = new ArrayList<>();
        Set<String> topics = new LinkedHashSet<>();
        Overlay.ofKind(docs, "KafkaTopic").forEach(k -> topics.add(at(k, "spec", "topicName")));
        for (Map<String, Object> d : quarkus(docs)) {
            String service = name(d);
            List<Channel> channels = channels(service.equals("portal") ? "portal" : service);
            if (channels.isEmpty() && !Files.exists(Overlay.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                continue;
            }
            String user = secretOf(container(d), "KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config");
            if (channels.isEmpty() || service.equals("portal")) {
                continue;
            }
            Map<String, Object> kafkaUser = user == null ? null : t.find("KafkaUser", user);
            if (kafkaUser == null) {
                problems.add(service + ": uses Kafka without a KafkaUser of its own");
                continue;
            }
            Map<String, Set<String>> granted = new LinkedHashMap<>();
            List<Map<String, Object>> acls = at(kafkaUser, "spec", "authorization", "acls");
            for (Map<String, Object> acl : acls == null ? List.<Map<String, Object>>of() : acls) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                String key = resource.get("type") + ":" + resource.get("name");
                if (!"literal".equals(resource.getOrDefault("patternType", "literal")) || "*".equals(resource.get("name"))
                        || "cluster".equals(resource.get("type"))) {
                    problems.add(service + ": ACL on " + key + " (" + resource.get("patternType") + ") is wider than one topic or group");
                }
                granted.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll((List<String>) acl.get("operations"));
            }
            Map<String, Set<String>> needed = new LinkedHashMap<>();
            for (Channel c : channels) {
                if (c.direction().equals("incoming")) {
                    c.topics().forEach(topic -> needed.computeIfAbsent("topic:" + topic, k -> new LinkedHashSet<>()).addAll(List.of("Read", "Describe")));
                    needed.computeIfAbsent("group:" + (c.group() != null ? c.group() : service), k -> new LinkedHashSet<>()).add("Read");
                    if (c.deadLetters() != null) {
                        needed.computeIfAbsent("topic:" + c.deadLetters(), k -> new LinkedHashSet<>()).addAll(List.of("Write", "Describe"));
                    }
                } else if (!c.topics().isEmpty()) {
                    c.topics().forEach(topic -> needed.computeIfAbsent("topic:" + topic, k -> new LinkedHashSet<>()).addAll(List.of("Write", "Describe")));
                } else if (c.name().equals("outbox")) {
                    // The outbox relay writes each event to its type's topic: the topics the service owns.
                    topics.stream().filter(topic -> topic.startsWith(ownPrefix(service)) && !topic.endsWith("dead-letters"))
                            .forEach(topic -> needed.computeIfAbsent("topic:" + topic, k -> new LinkedHashSet<>()).addAll(List.of("Write", "Describe")));
                }
            }
            needed.forEach((resource, ops) -> {
                Set<String> have = granted.getOrDefault(resource, Set.of());
                if (!have.containsAll(ops) && !have.contains("All")) {
                    problems.add(service + ": needs " + ops + " on " + resource + ", KafkaUser " + user + " grants " + have);
                }
            });
            granted.forEach((resource, ops) -> {
                Set<String> extra = new LinkedHashSet<>(ops);
                extra.removeAll(needed.getOrDefault(resource, Set.of()));
                if (!extra.isEmpty()) {
                    problems.add(service + ": KafkaUser " + user + " grants " + extra + " on " + resource + ", which its channels do not use");
                }
                if (ops.contains("Write") && resource.startsWith("topic:") && !resource.startsWith("topic:" + ownPrefix(service))) {
                    problems.add(service + ": may write " + resource + ", a topic of another service");
                }
            });
        }
        return problems;
    }

    // ---- readiness without Kafka, memory that fits -----------------------------------------------------------

    /** What one check finds in a Quarkus service's Deployment, given the environment its container gets. */
    @FunctionalInterface
    private interface ServiceCheck {
        void check(String service, Map<String, Object> deployment, Map<String, String> env, List<String> problems);
    }

    /** A check run over every Quarkus service's Deployment, with the problems of all. */
    private static List<String> eachService(List<Map<String, Object>> docs, ServiceCheck check) {
        Topology t = new Topology(docs);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : quarkus(docs)) {
            check.check(name(d), d, t.environment(container(d)), problems);
        }
        return problems;
    }

    static List<String> readiness(List<Map<String, Object>> docs) {
        return eachService(docs, (service, d, env, problems) -> {
            if (!"/q/health/ready".equals(at(container(d), "readinessProbe", "httpGet", "path"))) {
                problems.add(service + ": readiness probe is not /q/health/ready");
            }
            if (service.equals("portal")) {
                return;
            }
            for (Channel c : channels(service)) {
                String variable = ("MP_MESSAGING_" + c.direction() + "_" + c.name() + "_HEALTH_READINESS_ENABLED")
                        .toUpperCase().replaceAll("[^A-Z0-9]", "_");
                if (!"false".equals(env.get(variable))) {
                    problems.add(service + ": channel " + c.name() + " reports to readiness (" + variable + " is not false)");
                }
            }
            String locations = env.get("QUARKUS_CONFIG_LOCATIONS");
            String file = locations == null ? null : configFile(d, docs, locations);
            if (file == null || !file.contains("quarkus.smallrye-health.check.\"io.quarkus.kafka.client.health.KafkaHealthCheck\".enabled=false")) {
                problems.add(service + ": Kafka's client health check stays in readiness (no mounted config file turns it off)");
            }
            for (Channel c : channels(service)) {
                if (file == null || !file.contains("quarkus.messaging.health.\"" + c.name() + "\".startup.enabled=false")) {
                    problems.add(service + ": channel " + c.name() + " reports to the startup probe: a pod cannot start while Kafka is down");
                }
            }
        });
    }

    /** The content of a config file at that path, if a mounted ConfigMap provides it. */
    private static String configFile(Map<String, Object> d, List<Map<String, Object>> docs, String path) {
        List<Map<String, Object>> mounts = at(container(d), "volumeMounts");
        List<Map<String, Object>> volumes = at(d, "spec", "template", "spec", "volumes");
        for (Map<String, Object> m : mounts) {
            String dir = m.get("mountPath") + "/";
            if (!path.startsWith(dir)) {
                continue;
            }
            for (Map<String, Object> v : volumes) {
                if (v.get("name").equals(m.get("name")) && v.get("configMap") != null) {
                    Map<String, Object> cm = new Topology(docs).find("ConfigMap", at(v, "configMap", "name"));
                    Object content = cm == null ? null : at(cm, "data", path.substring(dir.length()));
                    return content == null ? null : content.toString();
                }
            }
        }
        return null;
    }

    static List<String> memory(List<Map<String, Object>> docs) {
        return eachService(docs, (service, d, env, problems) -> {
            int limit = mebibytes(at(container(d), "resources", "limits", "memory"));
            Matcher m = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(env.getOrDefault("_JAVA_OPTIONS", ""));
            if (!m.find()) {
                problems.add(service + ": heap not set as a share of the limit (_JAVA_OPTIONS -XX:MaxRAMPercentage); the image's 75 % applies");
                return;
            }
            double heap = limit * Double.parseDouble(m.group(1)) / 100;
            if (heap + OFF_HEAP_MIB > limit) {
                problems.add(service + ": heap " + (int) heap + " MiB + " + OFF_HEAP_MIB + " MiB off-heap exceed the " + limit + " MiB limit");
            }
            int rss = MEASURED_RSS_MIB.getOrDefault(service, 0);
            if (limit < rss * 1.25) {
                problems.add(service + ": limit " + limit + " MiB leaves less than 25 % over the measured " + rss + " MiB");
            }
        });
    }

    static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.replace("Gi", "")) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Integer.parseInt(quantity.replace("Mi", ""));
        }
        throw new AssertionError("memory quantity " + quantity);
    }

    // ---- health, metrics and OpenAPI on the management port only -------------------------------------------

    static final int MANAGEMENT_PORT = 9000;
    static final Path IMAGE_BUILD = Path.of("infra/images/build.sh");

    /**
     * The images serve /q/* on the management port (quarkus.management.enabled is fixed at build time, so the image
     * build sets it); the probes and the scraper use that port; only the monitoring namespace reaches it; no gateway
     * route leads to it or to a /q path.
     */
    @SuppressWarnings("unchecked")
    static List<String> management(List<Map<String, Object>> docs, String imageBuild) {
        List<String> problems = new ArrayList<>();
        if (!imageBuild.contains("-Dquarkus.management.enabled=true")) {
            problems.add("the image build does not set -Dquarkus.management.enabled=true: /q/health and /q/metrics stay on the service port");
        }
        Topology t = new Topology(docs);
        List<Pod> quarkusPods = new ArrayList<>();
        for (Map<String, Object> d : quarkus(docs)) {
            Map<String, Object> c = container(d);
            List<Map<String, Object>> ports = (List<Map<String, Object>>) c.getOrDefault("ports", List.of());
            if (ports.stream().noneMatch(p -> "management".equals(p.get("name")) && Integer.valueOf(MANAGEMENT_PORT).equals(p.get("containerPort")))) {
                problems.add(name(d) + ": no container port management " + MANAGEMENT_PORT);
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                Object port = at(c, probe, "httpGet", "port");
                if (!"management".equals(port) && !Integer.valueOf(MANAGEMENT_PORT).equals(port)) {
                    problems.add(name(d) + ": " + probe + " asks port " + port + ", not the management port (the service port has no /q/health)");
                }
            }
            Pod pod = t.pods.stream().filter(p -> p.name().equals(name(d))).findFirst().orElseThrow();
            quarkusPods.add(pod);
            if (!t.admits(pod, PROMETHEUS, MANAGEMENT_PORT)) {
                problems.add(name(d) + ": the monitoring namespace cannot reach the management port " + MANAGEMENT_PORT);
            }
            Integer http = pod.ports().get("http");
            if (http != null && t.admits(pod, PROMETHEUS, http)) {
                problems.add(name(d) + ": the monitoring namespace may reach the service port " + http + " (it scrapes " + MANAGEMENT_PORT + " only)");
            }
        }
        for (Pod pod : quarkusPods) {
            List<Pod> others = new ArrayList<>(t.pods.stream().filter(p -> p != pod).toList());
            others.add(GATEWAY);
            for (Pod other : others) {
                if (t.admits(pod, other, MANAGEMENT_PORT)) {
                    problems.add(pod.name() + ": " + other.name() + " may reach the management port " + MANAGEMENT_PORT + " (the monitoring namespace only)");
                }
            }
        }
        for (Map<String, Object> pm : Overlay.ofKind(docs, "PodMonitor")) {
            boolean scrapesQuarkus = quarkusPods.stream().anyMatch(p -> Topology.matchesSelector(at(pm, "spec", "selector"), p.labels()));
            for (Map<String, Object> ep : (List<Map<String, Object>>) at(pm, "spec", "podMetricsEndpoints")) {
                if (scrapesQuarkus && !"management".equals(ep.get("port"))) {
                    problems.add("PodMonitor " + name(pm) + " scrapes port " + ep.get("port") + ", not the management port");
                }
            }
        }
        for (Map<String, Object> route : Overlay.ofKind(docs, "HTTPRoute")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) at(route, "spec", "rules")) {
                for (Map<String, Object> match : (List<Map<String, Object>>) rule.getOrDefault("matches", List.of())) {
                    Object value = at(match, "path", "value");
                    String path = String.valueOf(value);
                    if (path.equals("/q") || path.startsWith("/q/")) {
                        problems.add("HTTPRoute " + name(route) + " routes " + path + " (management endpoints are not public)");
                    }
                }
                for (Map<String, Object> b : (List<Map<String, Object>>) rule.getOrDefault("backendRefs", List.of())) {
                    Target target = t.resolve((String) b.get("name"), (Integer) b.get("port"));
                    if (target.problem() == null && target.podPort() == MANAGEMENT_PORT) {
                        problems.add("HTTPRoute " + name(route) + " routes to the management port of " + b.get("name"));
                    }
                }
            }
        }
        return problems;
    }

    static String imageBuild() {
        try {
            return Files.readString(Overlay.ROOT.resolve(IMAGE_BUILD));
        } catch (IOException e) {
            throw new AssertionError("the image build script " + IMAGE_BUILD + " is missing", e);
        }
    }
}
