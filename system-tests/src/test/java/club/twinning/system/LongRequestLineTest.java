package club.twinning.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9112 (section 3) asks a server to take request lines of at least 8,000 octets. Up to that length a long query or
 * path gets the service's own answer (a problem naming what is wrong, or the page it asked for), over HTTP/1.1 and over
 * HTTP/2 alike, not the HTTP layer's bare 414 or 431; past the configured limits the HTTP layer still refuses with one
 * of those two, never a 5xx or a dropped connection.
 */
@Tag("e2e")
class LongRequestLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "GET " + path + " HTTP/1.1" stays under 8,000 octets with any of the paths below. */
    private static final int LONG = 7_900;

    record Probe(String service, String user, String template, HttpClient.Version version) {
        @Override
        public String toString() {
            return version + " " + service + " " + template;
        }

        boolean query() {
            return template.contains("?");
        }
    }

    static Stream<Probe> probes() {
        return Stream.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2).flatMap(version -> Stream.of(
                new Probe(Stack.REGISTRY, "partner.agadez", "/api/agreements?q=%s", version),
                new Probe(Stack.REGISTRY, "partner.agadez", "/api/agreements/%s", version),
                new Probe(Stack.EXCHANGE, "council.expert", "/api/requests?cursor=%s", version),
                new Probe(Stack.EXCHANGE, "partner.agadez", "/api/requests/%s", version),
                new Probe(Stack.NOTIFICATION, "ops", "/api/deliveries?cursor=%s", version),
                new Probe(Stack.NOTIFICATION, "ops", "/api/deliveries/%s", version)));
    }

    @ParameterizedTest
    @MethodSource("probes")
    void aRequestLineUnder8000OctetsGetsTheServicesOwnAnswer(Probe probe) throws Exception {
        String path = probe.template().formatted("a".repeat(LONG - probe.template().length()));
        assertThat(("GET " + path + " HTTP/1.1").length()).isLessThan(8_000);

        // Twice on one client: an HTTP/2 client's second request goes on the connection its first upgraded (h2c).
        HttpClient client = client(probe);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = get(client, probe, path);
            String seen = response.statusCode() + " " + response.version() + " " + response.headers().map() + " " + response.body();

            if (probe.query() && response.statusCode() == 200) {
                continue; // a long search that finds nothing is an answer too
            }
            assertThat(response.statusCode()).as(seen).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as(seen)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(response.statusCode());
            assertThat(problem.path("title").asText()).as(seen).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("probes")
    void aRequestLineOverTheLimitsIsRefusedAsTooLong(Probe probe) throws Exception {
        String path = probe.template().formatted("a".repeat(40_000));

        HttpClient client = client(probe);
        for (int i = 0; i < 2; i++) {
            assertThat(get(client, probe, path).statusCode()).isIn(414, 431);
        }
    }

    private static HttpClient client(Probe probe) {
        return HttpClient.newBuilder().version(probe.version()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, Probe probe, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(probe.service() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Stack.token(probe.user())).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
