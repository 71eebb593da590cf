package club.twinning.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates hostile requests from a seed (reproducible: the seed is printed) and checks each answer: never a 5xx,
 * every 4xx an RFC 9457 problem whose status matches and which names an offending field when it is a 400.
 */
final class Fuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x");

    /** A GET to attack through one query parameter or path segment: {@code {}} in the URL marks the place. */
    record Probe(String urlTemplate, String user) {

        /** Probes written as a table, a line each: the caller, then the path below {@code base} (with its {@code {}}). */
        static List<Probe> table(String base, String lines) {
            return lines.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.split("\\s+", 2))
                    .map(cells -> new Probe(base + cells[1], cells[0])).toList();
        }
    }

    record Report(String service, long seed, int sent, Map<Integer, Integer> statuses, List<String> violations) {
        String table() {
            StringBuilder out = new StringBuilder(String.format("%-13s seed %-20d requests %6d   ", service, seed, sent));
            statuses.forEach((status, n) -> out.append(status).append('×').append(n).append("  "));
            return out.append("  violations ").append(violations.size()).toString();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Report run(String service, List<Target> targets, List<Probe> probes, int count, long seed) throws InterruptedException {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < count; i++) {
            long requestSeed = seed + i;
            pool.submit(() -> {
                Random random = new Random(requestSeed);
                Attack attack = random.nextInt(10) < 7 || probes.isEmpty()
                        ? body(targets.get(random.nextInt(targets.size())), random)
                        : query(probes.get(random.nextInt(probes.size())), random);
                try {
                    HttpResponse<String> response = http.send(attack.request(), HttpResponse.BodyHandlers.ofString());
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    String wrong = check(attack, response);
                    if (wrong != null && violations.size() < 1000) {
                        violations.add("#" + requestSeed + " " + attack.describe() + " → " + response.statusCode() + ": " + wrong);
                    }
                } catch (Exception e) {
                    violations.add("#" + requestSeed + " " + attack.describe() + " → no answer: " + e);
                }
                sent.incrementAndGet();
            });
        }
        pool.shutdown();
        pool.awaitTermination(20, TimeUnit.MINUTES);
        return new Report(service, seed, sent.get(), new TreeMap<>(statuses), violations);
    }

    /** One request and what it broke on purpose. */
    private record Attack(HttpRequest request, String what, Set<String> fields, boolean mayPass) {
        String describe() {
            return request.method() + " " + request.uri().getPath() + " [" + what + "]";
        }
    }

    private Attack body(Target target, Random random) {
        ObjectNode body = target.seed().deepCopy();
        String contentType = "application/json";
        String text;
        String what;
        Set<String> fields = Set.of();
        int kind = random.nextInt(100);
        if (kind < 8) {
            String seed = body.toString();
            List<String> broken = List.of(seed.substring(0, random.nextInt(seed.length())), "{", "null", "[]", "42", "\"x\"", "",
                    "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\u0000\u0001\u0002",
                    seed.replace(':', '='), seed + seed);
            text = broken.get(random.nextInt(broken.size()));
            what = "malformed JSON";
        } else if (kind < 12) {
            text = body.toString();
            contentType = WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
            what = "content type " + contentType;
        } else if (kind < 13) {
            Field field = target.fields().get(random.nextInt(target.fields().size()));
            field.set(body, com.fasterxml.jackson.databind.node.TextNode.valueOf("B".repeat(2_000_000 + random.nextInt(3_000_000))));
            text = body.toString();
            what = "a body of megabytes in " + field.path();
            fields = Set.of(field.path());
        } else {
            Field field = target.fields().get(random.nextInt(target.fields().size()));
            JsonNode value = field.invalid(random);
            field.set(body, value);
            fields = new java.util.HashSet<>(Set.of(field.path()));
            StringBuilder described = new StringBuilder(field.path() + "=" + abbreviate(value));
            for (int extra = random.nextInt(4); extra > 0; extra--) {
                if (random.nextInt(4) == 0) {
                    String unknown = "unexpected_" + random.nextInt(1000);
                    body.put(unknown, Hostile.string(random));
                    fields.add(unknown);
                    described.append(", +").append(unknown);
                } else {
                    Field other = target.fields().get(random.nextInt(target.fields().size()));
                    if (other.kind() == Field.Kind.TEXT && !other.path().equals(field.path())) {
                        other.set(body, com.fasterxml.jackson.databind.node.TextNode.valueOf(Hostile.string(random)));
                        described.append(", ").append(other.path()).append("=hostile");
                        fields.add(other.path());
                    }
                }
            }
            text = body.toString();
            what = described.toString();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Stack.token(target.user())).header("Content-Type", contentType)
                .method(target.method(), HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        target.headers().forEach(request::header);
        return new Attack(request.build(), what, fields, false);
    }

    private Attack query(Probe probe, Random random) {
        List<String> values = new ArrayList<>(Hostile.STRINGS);
        values.addAll(List.of("-1", "0", "501", "99999999999999999999", "2026-02-30T00:00:00Z", "yesterday", "%", "%%41",
                "eyJub3QiOiJhIGN1cnNvciJ9", "a".repeat(5000)));
        String value = random.nextInt(8) == 0 ? Hostile.huge(random).substring(0, 3000) : values.get(random.nextInt(values.size()));
        String url = probe.urlTemplate().replace("{}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Stack.token(probe.user())).GET().build();
        return new Attack(request, "value " + abbreviate(value), Set.of(), true);
    }

    /** What is wrong with the answer, or null. */
    private static String check(Attack attack, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "a server error: " + abbreviate(body);
        }
        if (body != null && (body.contains("\tat ") || body.contains("at io.quarkus.") || body.contains("at club.twinning."))) {
            return "a stack trace in the answer";
        }
        if (status < 400) {
            return attack.mayPass() || status == 304 ? null : "accepted what it must refuse";
        }
        if (status == 401 || status == 403) {
            return "refused as unauthorised though the caller may call it";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not a problem+json but '" + type + "'";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                return "a problem without its status or title: " + abbreviate(body);
            }
            if (status == 400 && !attack.fields().isEmpty()) {
                for (JsonNode error : problem.path("errors")) {
                    String field = error.path("field").asText();
                    for (String mutated : attack.fields()) {
                        if (field.equals(mutated) || field.startsWith(mutated + ".") || field.startsWith(mutated + "[")
                                || mutated.startsWith(field + ".")) {
                            return null;
                        }
                    }
                }
                return "no offending field named (" + attack.fields() + "): " + abbreviate(body);
            }
        } catch (Exception e) {
            return "an unreadable problem: " + abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }
}
