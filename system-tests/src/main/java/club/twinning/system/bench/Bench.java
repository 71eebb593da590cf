package club.twinning.system.bench;

import club.twinning.system.Stack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The benchmark of {@code ./twinning bench}: the machine's limit first (the pgbench and Kafka figures the script
 * measured and passes in), then the platform against it. Prints a table and writes it under system-tests/target/bench.
 * Nothing here asserts a timing.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> args;

    private Bench(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        int code = 1;
        try {
            new Bench(args).run();
            code = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(code); // the load generators' threads must not keep a failed run alive
        }
    }

    private void run() throws Exception {
        double pgbench = Double.parseDouble(args.getOrDefault("pgbench-tps", "0"));
        line("Twinning Club benchmark, " + LocalDateTime.now().withNano(0) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        line("");
        line("The physical limit");
        line(String.format("  %-58s %12s", "pgbench, one-row INSERT transactions (tps)", args.getOrDefault("pgbench-tps", "n/a")));
        line(String.format("  %-58s %12s", "Kafka producer, 1 KiB records, acks=all (records/s)", args.getOrDefault("kafka-rate", "n/a")));
        line(String.format("  %-58s %12s", "Kafka producer, 1 KiB records (MiB/s)", args.getOrDefault("kafka-mib", "n/a")));
        line("");
        submissions(pgbench);
        try (WebhookSink sink = new WebhookSink()) {
            String contact = SinkContact.enable();
            try {
                drain();
                eventLatency(sink);
                drain();
                throughput(sink);
            } finally {
                SinkContact.disable(contact);
            }
        }
        services();
        reads();
        Path out = Path.of(args.getOrDefault("out", "system-tests/target/bench/bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println("\nwritten to " + out.toAbsolutePath());
    }

    /** Authenticated request submission (token check, agreement check, insert and outbox row) at rising constant rates. */
    private void submissions(double pgbench) throws Exception {
        line("(after a 15 s warm-up at 5/s, not counted)");
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        line("Request submission, POST /api/requests as partner.agadez, open-loop constant rate, 10 s a step");
        line(String.format("  %8s %10s %6s %6s %10s %10s %10s %s", "target/s", "achieved/s", "ok", "failed", "p50 ms", "p99 ms",
                "p99.9 ms", ""));
        ConstantRate.run(5, 15, () -> submit(agreement, "agadez", "es-semara")); // warm-up, not counted
        drain();
        double best = 0;
        for (double rate : new double[] {10, 20, 40, 80, 160}) {
            ConstantRate.Result r = ConstantRate.run(rate, 10, () -> submit(agreement, "agadez", "es-semara"));
            line(String.format("  %8.0f %10.1f %6d %6d %10.1f %10.1f %10.1f %s", rate, r.achievedRate(), r.ok(), r.failed(),
                    ms(r.latencies(), 50), ms(r.latencies(), 99), ms(r.latencies(), 99.9), r.sustained() ? "sustained" : "NOT sustained"));
            if (!r.sustained()) {
                break;
            }
            best = r.achievedRate();
        }
        line(String.format("  max sustained rate %.1f/s%s", best,
                pgbench > 0 ? String.format(", %.1f %% of the pgbench rate", 100 * best / pgbench) : ""));
        line("");
    }

    /** Waits until notification-service has sent what the previous stage queued, so that one stage does not time the last. */
    private void drain() throws Exception {
        long start = System.currentTimeMillis();
        long queued = Long.MAX_VALUE;
        while (System.currentTimeMillis() - start < 600_000 && queued > 0) {
            Thread.sleep(1000);
            queued = Stack.count("notification", "SELECT count(*) FROM delivery WHERE status = 'PENDING'");
        }
        System.out.printf("  (notification queue drained in %.0f s)%n", (System.currentTimeMillis() - start) / 1000.0);
    }

    /** Commit (the outbox row) → email accepted by the SMTP sink, and → webhook received, at 5 requests a second. */
    private void eventLatency(WebhookSink sink) throws Exception {
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        List<String> requests = new ArrayList<>();
        ConstantRate.run(5, 20, () -> {
            String id = submitForId(agreement);
            synchronized (requests) {
                requests.add(id);
            }
            return id == null ? 500 : 201;
        });
        Thread.sleep(15_000);
        Map<String, Long> committed = commitTimes(requests);
        Histogram email = new Histogram(3_600_000L, 3);
        Histogram webhook = new Histogram(3_600_000L, 3);
        try (Connection db = Stack.database("notification");
             PreparedStatement q = db.prepareStatement("SELECT event_id, sent_at FROM delivery WHERE channel = 'EMAIL' "
                     + "AND recipient = 'relations@es-semara.example.org' AND event_id = ANY (?) AND sent_at IS NOT NULL")) {
            q.setArray(1, db.createArrayOf("varchar", committed.keySet().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    email.recordValue(Math.max(1, rs.getTimestamp(2).getTime() - committed.get(rs.getString(1))));
                }
            }
        }
        committed.forEach((event, at) -> {
            Long arrived = sink.arrivals.get(event);
            if (arrived != null) {
                webhook.recordValue(Math.max(1, arrived - at));
            }
        });
        line("Event latency at 5 requests/s for 20 s (" + committed.size() + " events committed)");
        line(String.format("  %-44s %8s %10s %10s %10s", "", "count", "p50 ms", "p99 ms", "max ms"));
        line(String.format("  %-44s %8d %10d %10d %10d", "commit → email accepted by the SMTP sink", email.getTotalCount(),
                email.getValueAtPercentile(50), email.getValueAtPercentile(99), email.getMaxValue()));
        line(String.format("  %-44s %8d %10d %10d %10d", "commit → webhook received", webhook.getTotalCount(),
                webhook.getValueAtPercentile(50), webhook.getValueAtPercentile(99), webhook.getMaxValue()));
        line("");
    }

    /** A burst of requests, then how fast notification-service drains it to the webhook sink. */
    private void throughput(WebhookSink sink) throws Exception {
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        int burst = Integer.parseInt(args.getOrDefault("burst", "400"));
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < burst; i++) {
            pool.submit(() -> requests.add(submitForId(agreement)));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        Map<String, Long> committed = commitTimes(requests);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && !sink.arrivals.keySet().containsAll(committed.keySet())) {
            Thread.sleep(250);
        }
        long first = committed.values().stream().min(Long::compare).orElse(0L);
        long last = committed.keySet().stream().map(sink.arrivals::get).filter(java.util.Objects::nonNull).max(Long::compare).orElse(first);
        long received = committed.keySet().stream().filter(sink.arrivals::containsKey).count();
        line("Notification throughput to a local webhook sink (a burst of " + burst + " requests)");
        line(String.format("  webhooks received %d of %d, duplicates %d, first commit → last webhook %.1f s, %.1f webhooks/s",
                received, committed.size(), sink.duplicates.get(), (last - first) / 1000.0,
                received * 1000.0 / Math.max(1, last - first)));
        line("");
    }

    /**
     * Time to ready and resident memory now, after the load. Each start rewrites the service's log, so the
     * "started in" Quarkus logged there is that of the process measured, whenever ./twinning started it.
     */
    private void services() throws Exception {
        line("Services after the load");
        line(String.format("  %-22s %14s %10s", "", "ready in (s)", "RSS MiB"));
        for (String service : List.of("registry-service", "exchange-service", "notification-service", "portal")) {
            String started = "n/a";
            Path log = Path.of(".twinning/logs/" + service + ".log");
            if (Files.exists(log)) {
                for (String l : Files.readAllLines(log)) {
                    var m = java.util.regex.Pattern.compile("started in ([0-9.]+)s").matcher(l);
                    if (m.find()) {
                        started = m.group(1);
                    }
                }
            }
            String rss = "n/a";
            Path pid = Path.of(".twinning/run/" + service + ".pid");
            if (Files.exists(pid)) {
                for (String l : Files.readAllLines(Path.of("/proc/" + Files.readString(pid).trim() + "/status"))) {
                    if (l.startsWith("VmRSS:")) {
                        rss = String.valueOf(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024);
                    }
                }
            }
            line(String.format("  %-22s %14s %10s", service, started, rss));
        }
        line("");
    }

    /** Agreement search p99 against a registry instance of its own loaded with 10k, then 1M agreements. */
    private void reads() throws Exception {
        String url = args.get("search-url");
        if (url == null) {
            line("Read paths: skipped (./twinning bench starts the search instance; --search-url was not given)");
            return;
        }
        line("Read paths: agreement search (GET /api/agreements?party=…&status=IN_FORCE&limit=50, a random party of 1000),");
        line("  30 s at 20/s after a 10 s warm-up at 10/s (not counted); 50/s is past what two cores serve");
        line(String.format("  %-12s %10s %10s %10s %10s", "agreements", "achieved/s", "p50 ms", "p99 ms", "p99.9 ms"));
        for (int size : new int[] {10_000, 1_000_000}) {
            SearchData.loadTo(size);
            String token = Stack.token("council.expert");
            java.util.Random random = new java.util.Random(7);
            java.util.function.IntSupplier search = () -> get(url + "/api/agreements?party=bench-" + random.nextInt(1000)
                    + "&status=IN_FORCE&limit=50", token);
            ConstantRate.run(10, 10, search);
            ConstantRate.Result r = ConstantRate.run(20, 30, search);
            line(String.format("  %-12d %10.1f %10.1f %10.1f %10.1f%s", size, r.achievedRate(), ms(r.latencies(), 50),
                    ms(r.latencies(), 99), ms(r.latencies(), 99.9), r.failed() > 0 ? "  (" + r.failed() + " failed)" : ""));
        }
        line("");
    }

    private static int submit(String agreement, String from, String to) {
        try {
            return HTTP.send(submission(agreement, to, from), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String submitForId(String agreement) {
        try {
            HttpResponse<String> r = HTTP.send(submission(agreement, "es-semara", "agadez"), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 201 ? JSON.readTree(r.body()).path("id").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static HttpRequest submission(String agreement, String partner, String from) throws Exception {
        String body = JSON.writeValueAsString(Stack.requestBody(partner, agreement, "Bench " + UUID.randomUUID().toString().substring(0, 8)));
        return HttpRequest.newBuilder(URI.create(Stack.EXCHANGE + "/api/requests")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Stack.token("partner." + from)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static int get(String url, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Event id → commit time (ms) of each request's submitted event, from exchange-service's outbox. */
    private static Map<String, Long> commitTimes(List<String> requests) throws Exception {
        Map<String, Long> times = new HashMap<>();
        try (Connection db = Stack.database("exchange");
             PreparedStatement q = db.prepareStatement("SELECT event_id, created_at FROM outbox_event "
                     + "WHERE type = 'club.twinning.request.submitted' AND aggregate_id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("varchar", requests.stream().filter(java.util.Objects::nonNull).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    times.put(rs.getString(1), at.getTime());
                }
            }
        }
        return times;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private void line(String text) {
        System.out.println(text);
        lines.add(text);
    }
}
