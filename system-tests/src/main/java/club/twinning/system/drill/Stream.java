package club.twinning.system.drill;

import club.twinning.system.Stack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The steady stream a drill runs under: expertise requests from Agadez to Es-Semara, two a second, each voted on by
 * the council a second later. Every answer is counted; the requests are named so that the database can be asked
 * afterwards what really committed, whatever the client saw.
 */
final class Stream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final String prefix;
    /** Request id → when it was submitted (ms), for the requests the client saw created. */
    final Map<String, Long> created = new ConcurrentHashMap<>();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();
    final AtomicInteger unreachable = new AtomicInteger();
    final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private final String agreement;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
    private final AtomicInteger sequence = new AtomicInteger();

    Stream(String prefix, String agreement) {
        this.prefix = prefix;
        this.agreement = agreement;
    }

    void start() {
        clock.scheduleAtFixedRate(this::submit, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** A burst on top of the stream, so that there is a backlog to be in the middle of. */
    void burst(int count) {
        for (int i = 0; i < count; i++) {
            clock.execute(this::submit);
        }
    }

    private void submit() {
        String title = prefix + " " + sequence.incrementAndGet();
        try {
            String body = JSON.writeValueAsString(Stack.requestBody("es-semara", agreement, title));
            long at = System.currentTimeMillis();
            HttpResponse<String> r = call("exchange", HttpRequest.newBuilder(URI.create(Stack.EXCHANGE + "/api/requests"))
                    .header("Authorization", "Bearer " + Stack.token("partner.agadez")).header("Content-Type", "application/json")
                    .header("Idempotency-Key", title).POST(HttpRequest.BodyPublishers.ofString(body)));
            if (r != null && r.statusCode() == 201) {
                String id = JSON.readTree(r.body()).path("id").asText();
                created.put(id, at);
                clock.schedule(() -> vote(id), 1, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            unreachable.incrementAndGet();
        }
    }

    private void vote(String id) {
        call("exchange", HttpRequest.newBuilder(URI.create(Stack.EXCHANGE + "/api/requests/" + id + "/votes"))
                .header("Authorization", "Bearer " + Stack.token("council.expert")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"APPROVE\",\"reason\":\"drill\"}")));
    }

    private HttpResponse<String> call(String service, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                unavailableWithRetryAfter.incrementAndGet();
            } else if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                if (errorSamples.size() < 5) {
                    errorSamples.add(service + " " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
            return r;
        } catch (Exception e) {
            unreachable.incrementAndGet(); // the service is down: the client sees no answer at all
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(30, TimeUnit.SECONDS);
    }
}
