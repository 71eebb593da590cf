package club.twinning.system.drill;

import club.twinning.system.Stack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The steady stream a drill runs under: one whole exchange a second, Agadez asking Es-Semara for expertise. Each flow
 * submits, two council members (Tombouctou, Vijayawada: neither city is involved) approve it to a decision (quorum 2),
 * Agadez plans the visit, the host city confirms it, and the visit is reported. A step that fails is tried again every
 * two seconds (a retried submission carries its Idempotency-Key), so flows caught by a fault finish after it. Every
 * answer is counted; what really committed is read from the databases afterwards, whatever the client saw.
 *
 * <p>A report is filed on or after a visit's last day and a visit starts after today, so before the report the drill
 * moves the confirmed visit's dates to the past in exchange-service's database, as module tests move their clock.
 */
final class Stream implements AutoCloseable {

    static final String REQUESTER = "agadez";
    static final String PARTNER = "es-semara";
    private static final List<String> VOTERS = List.of("council.tombouctou", "council.vijayawada");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final long RETRY_MS = 2000;

    final String prefix;
    /** Request id → when it was submitted (ms), for the requests the client saw created. */
    final Map<String, Long> created = new ConcurrentHashMap<>();
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger abandoned = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();
    final AtomicInteger unreachable = new AtomicInteger();
    final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private final String agreement;
    private final long periodMs;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean starting = true;
    /** Flows not finished by then are given up (and counted). */
    private volatile long giveUpAt = Long.MAX_VALUE;

    Stream(String prefix, String agreement, long periodMs) {
        this.prefix = prefix;
        this.agreement = agreement;
        this.periodMs = periodMs;
    }

    void start() {
        clock.scheduleAtFixedRate(() -> {
            if (starting) {
                new Flow().submit();
            }
        }, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** A burst on top of the stream, so that there is a backlog to be in the middle of. */
    void burst(int count) {
        for (int i = 0; i < count; i++) {
            clock.execute(() -> new Flow().submit());
        }
    }

    /** One exchange, step by step; each step schedules the next, or itself again after a failure. */
    private final class Flow {
        final String title = prefix + " " + sequence.incrementAndGet();
        String requestId;
        LocalDate windowStart;
        int votes;
        String visitId;
        String host;
        String etag;
        /** Failures in a row: the next try waits 2 s, doubling up to 16 s, so an outage is not hammered. */
        int failures;

        Flow() {
            started.incrementAndGet();
            active.incrementAndGet();
        }

        void submit() {
            try {
                Map<String, Object> body = Stack.requestBody(PARTNER, agreement, title);
                long at = System.currentTimeMillis();
                HttpResponse<String> r = call(post("/api/requests", "partner." + REQUESTER, body).header("Idempotency-Key", title));
                if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                    JsonNode view = JSON.readTree(r.body());
                    requestId = view.path("id").asText();
                    windowStart = LocalDate.parse(view.path("window").path("start").asText());
                    created.putIfAbsent(requestId, at);
                    next(this::vote, 1000);
                    return;
                }
            } catch (Exception e) {
                unreachable.incrementAndGet();
            }
            retry(this::submit);
        }

        void vote() {
            HttpResponse<String> r = call(post("/api/requests/" + requestId + "/votes", VOTERS.get(votes),
                    Map.of("choice", "APPROVE", "reason", "drill")));
            if (r != null && r.statusCode() == 200) {
                votes++;
                next(votes < VOTERS.size() ? this::vote : this::plan, 1000);
            } else if (r != null && r.statusCode() == 409) {
                next(this::plan, 0); // decided already: the answer to the deciding vote was lost
            } else {
                retry(this::vote);
            }
        }

        void plan() {
            Map<String, Object> body = Map.of("requestId", requestId, "startDate", windowStart.toString(),
                    "endDate", windowStart.plusDays(2).toString(),
                    "delegation", List.of(Map.of("name", "Drill delegate", "role", "engineer")), "logistics", "drill");
            HttpResponse<String> r = call(post("/api/visits", "partner." + REQUESTER, body));
            try {
                if (r != null && r.statusCode() == 201) {
                    JsonNode view = JSON.readTree(r.body());
                    visitId = view.path("id").asText();
                    host = view.path("hostParty").asText();
                    etag = r.headers().firstValue("ETag").orElse(null);
                    next(this::confirm, 1000);
                    return;
                }
                if (r != null && r.statusCode() == 409 && fromDatabase()) {
                    next(this::confirm, 0); // planned already: the answer was lost
                    return;
                }
            } catch (Exception e) {
                // asked again below
            }
            retry(this::plan);
        }

        void confirm() {
            HttpResponse<String> r = call(post("/api/visits/" + visitId + "/confirmation", "partner." + host, null)
                    .header("If-Match", etag == null ? "*" : etag));
            if (r != null && r.statusCode() == 200) {
                etag = r.headers().firstValue("ETag").orElse(null);
                next(this::report, 1000);
            } else if (r != null && (r.statusCode() == 409 || r.statusCode() == 412) && fromDatabase()) {
                next("PLANNED".equals(status()) ? this::confirm : this::report, 0);
            } else {
                retry(this::confirm);
            }
        }

        void report() {
            try (Connection db = Stack.database("exchange"); PreparedStatement move = db.prepareStatement(
                    "UPDATE visit SET start_date = current_date - 3, end_date = current_date - 1 WHERE id = ?::uuid")) {
                move.setString(1, visitId);
                move.executeUpdate();
            } catch (Exception databaseAway) {
                retry(this::report);
                return;
            }
            HttpResponse<String> r = call(post("/api/visits/" + visitId + "/report", "partner." + REQUESTER,
                    Map.of("outcomes", "Drill: the visit happened", "attendance", List.of("Drill delegate")))
                    .header("If-Match", etag == null ? "*" : etag));
            if (r != null && r.statusCode() == 200) {
                finish(true);
            } else if (r != null && (r.statusCode() == 409 || r.statusCode() == 412) && fromDatabase()
                    && "COMPLETED".equals(status())) {
                finish(true); // reported already: the answer was lost
            } else {
                retry(this::report);
            }
        }

        private String status;

        private String status() {
            return status;
        }

        /** The visit of this request as the database has it (after an answer that was lost). */
        private boolean fromDatabase() {
            try (Connection db = Stack.database("exchange"); PreparedStatement q = db.prepareStatement(
                    "SELECT id::text, host_party, version, status FROM visit WHERE request_id = ?::uuid AND status <> 'CANCELLED'")) {
                q.setString(1, requestId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    visitId = rs.getString(1);
                    host = rs.getString(2);
                    etag = "\"" + rs.getLong(3) + "\"";
                    status = rs.getString(4);
                    return true;
                }
            } catch (Exception e) {
                return false;
            }
        }

        private void next(Runnable step, long delayMs) {
            failures = 0;
            schedule(step, delayMs);
        }

        private void schedule(Runnable step, long delayMs) {
            try {
                clock.schedule(step, delayMs, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                finish(false);
            }
        }

        private void retry(Runnable step) {
            if (System.currentTimeMillis() > giveUpAt) {
                finish(false);
            } else {
                schedule(step, RETRY_MS << Math.min(3, failures++));
            }
        }

        private void finish(boolean done) {
            (done ? completed : abandoned).incrementAndGet();
            active.decrementAndGet();
        }
    }

    private static HttpRequest.Builder post(String path, String user, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(Stack.EXCHANGE + path)).header("Authorization", "Bearer " + Stack.token(user))
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                unavailableWithRetryAfter.incrementAndGet();
            } else if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                if (errorSamples.size() < 5) {
                    errorSamples.add(r.request().method() + " " + r.request().uri().getPath() + " " + r.statusCode() + " "
                            + r.body().substring(0, Math.min(200, r.body().length())));
                }
            } else if (r.statusCode() >= 400 && r.statusCode() != 409 && r.statusCode() != 412 && errorSamples.size() < 5) {
                errorSamples.add(r.request().method() + " " + r.request().uri().getPath() + " " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
            return r;
        } catch (Exception e) {
            unreachable.incrementAndGet(); // the service is down, or the token could not be had: no answer at all
            return null;
        }
    }

    /** Starts no more flows; waits (up to {@code finishSeconds}) for the ones under way to finish. */
    @Override
    public void close() throws InterruptedException {
        close(90);
    }

    void close(int finishSeconds) throws InterruptedException {
        starting = false;
        giveUpAt = System.currentTimeMillis() + finishSeconds * 1000L;
        while (active.get() > 0 && System.currentTimeMillis() < giveUpAt + 5000) {
            Thread.sleep(500);
        }
        clock.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);
    }
}
