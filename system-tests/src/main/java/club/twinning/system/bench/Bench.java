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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * The benchmark of {@code ./twinning bench}: the machine's limit first (the pgbench and Kafka figures the script
 * measured and passes in), then the platform against it. Prints a table and writes it under system-tests/target/bench.
 * Nothing here asserts a timing.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two of IdleHeap's 20 s checks and some: how long the services stay quiet before their RSS is read again. */
    private static final Duration QUIET = Duration.ofSeconds(45);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> args;
    /** A smoke run: every stage, each a few seconds long and a small backlog; its figures prove the bench, not the platform. */
    private final boolean quick;
    private final Map<String, Long> pids = Processes.ofStack();
    /** CPU ms/s of each process with nothing submitted, after the warm-up. */
    private Map<String, Double> idle = Map.of();
    private double idleSeconds = 1;

    private Bench(Map<String, String> args) {
        this.args = args;
        this.quick = args.containsKey("quick");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            boolean flag = i + 1 == argv.length || argv[i + 1].startsWith("--");
            args.put(argv[i].replaceFirst("^--", ""), flag ? "true" : argv[++i]);
        }
        int code = 1;
        Bench bench = new Bench(args);
        // Whatever ends the run (an error, Ctrl-C), notification-service must not stay paused.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                bench.signal("CONT", "notification-service");
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        try {
            bench.run();
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
                + " cores" + (quick ? ", QUICK (smoke run: short stages, figures not comparable)" : ""));
        line("");
        line("The physical limit (same run)");
        line(String.format("  %-58s %12s", "pgbench, one-row INSERT transactions (tps)", args.getOrDefault("pgbench-tps", "n/a")));
        line(String.format("  %-58s %12s", "Kafka producer, 1 KiB records, acks=all (records/s)", args.getOrDefault("kafka-rate", "n/a")));
        line(String.format("  %-58s %12s", "Kafka producer, 1 KiB records (MiB/s)", args.getOrDefault("kafka-mib", "n/a")));
        line("");
        if (stage("latency") || stage("submissions") || stage("backlog")) {
            try (WebhookSink sink = new WebhookSink()) {
                // An interrupted run leaves its extra sink contacts on, and every later figure would fan out to them.
                line("  (sink contacts left on by an earlier run, switched off: " + SinkContact.disableLeftovers() + ")");
                String contact = SinkContact.enable();
                try {
                    warmUp();
                    drain(sink);
                    idle();
                    if (stage("latency")) {
                        eventLatency(sink, 20, quick ? 10 : 30);
                        drain(sink);
                        eventLatency(sink, 100, quick ? 5 : 20);
                        drain(sink);
                    }
                    if (stage("submissions")) {
                        MailSink.purge();
                        submissions(pgbench, true);
                        drain(sink);
                        submissions(pgbench, false);
                        drain(sink);
                    }
                    if (stage("backlog")) {
                        notificationThroughput(sink);
                    }
                } finally {
                    SinkContact.disable(contact);
                }
            }
        }
        if (stage("latency") || stage("submissions") || stage("backlog") || stage("startup")) {
            services();
        }
        if (stage("startup")) {
            startUp();
        }
        if (!quick && stage("reads")) {
            reads();
        }
        Path out = Path.of(args.getOrDefault("out", "system-tests/target/bench/bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println("\nwritten to " + out.toAbsolutePath());
    }

    /** Every service under a mixed load until its JIT compiler threads are quiet (see {@link WarmUp}). */
    /** Whether {@code --stages} (latency, submissions, backlog, startup, reads; all when absent) names this one. */
    private boolean stage(String name) {
        String stages = args.get("stages");
        return stages == null || List.of(stages.split(",")).contains(name);
    }

    private void warmUp() throws Exception {
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        String council = Stack.token("council.expert");
        java.util.function.IntSupplier read = () -> get(Stack.REGISTRY + "/api/agreements?limit=20", council);
        java.util.function.IntSupplier page = () -> get("http://127.0.0.1:8080/", null);
        WarmUp.Outcome w = WarmUp.run(List.of(() -> submit(agreement, "agadez", "es-semara"), read, page), List.of(20.0, 20.0, 5.0),
                quick ? 10 : 15, quick ? 10 : 60, quick ? 10 : 600, 0.05);
        line(String.format("Warm-up: %.0f s of 20 submissions/s (fanned out to email and the webhook sink), 20 agreement reads/s and"
                + " 5 portal pages/s, %s", w.seconds(), w.settled() ? "until every service's JIT compiler threads used < 5 % of its CPU"
                + " over 15 s" : "NOT settled (stopped at the cap)"));
        line("  JIT share of CPU in the last window: " + WarmUp.percent(w.jitShare()));
        line("");
    }

    /** What each process burns with nothing submitted: to read the per-request figures against. */
    private void idle() throws Exception {
        Processes.Snapshot before = Processes.Snapshot.take(pids);
        Thread.sleep(quick ? 5_000 : 15_000);
        Processes.Snapshot after = Processes.Snapshot.take(pids);
        idle = after.since(before);
        idleSeconds = after.secondsSince(before);
    }

    /**
     * Authenticated request submission (token check, agreement check, insert and outbox row) at rising constant rates,
     * with notification-service fanning each event out, then with notification-service paused (SIGSTOP: it competes for
     * nothing; SIGCONT after, and it catches up from Kafka).
     */
    private void submissions(double pgbench, boolean fanOut) throws Exception {
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        line("Request submission, POST /api/requests as partner.agadez, open loop (latency from when each call was due), "
                + (quick ? 5 : 10) + " s a step, " + (fanOut ? "notifications fanning out" : "notification-service paused"));
        line(String.format("  %8s %10s %6s %6s %10s %10s %10s %s", "target/s", "achieved/s", "ok", "failed", "p50 ms", "p99 ms",
                "p99.9 ms", ""));
        double best = 0;
        if (!fanOut) {
            signal("STOP", "notification-service");
        }
        try {
            for (double rate : quick ? new double[] {20, 50} : new double[] {20, 50, 100, 200, 400, 800}) {
                ConstantRate.Result r = ConstantRate.run(rate, quick ? 5 : 10, () -> submit(agreement, "agadez", "es-semara"));
                line(String.format("  %8.0f %10.1f %6d %6d %10.1f %10.1f %10.1f %s", rate, r.achievedRate(), r.ok(), r.failed(),
                        ms(r.latencies(), 50), ms(r.latencies(), 99), ms(r.latencies(), 99.9), r.sustained() ? "sustained" : "NOT sustained"));
                if (!r.sustained()) {
                    break;
                }
                best = r.achievedRate();
            }
        } finally {
            if (!fanOut) {
                signal("CONT", "notification-service");
            }
        }
        line(String.format("  max sustained rate %.1f/s%s", best,
                pgbench > 0 ? String.format(", %.1f %% of the pgbench rate", 100 * best / pgbench) : ""));
        line("");
    }

    private void signal(String signal, String process) throws Exception {
        Long pid = pids.get(process);
        if (pid != null) {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        }
    }

    /**
     * Waits until what the previous stage queued has left: exchange's outbox sent, no delivery due in notification-service,
     * and the webhook sink quiet for 3 s (that last test holds whatever notification's tables look like).
     */
    private void drain(WebhookSink sink) throws Exception {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 600_000) {
            Thread.sleep(1000);
            // a catch-up after a paused notification-service sends tens of thousands of emails: more than the sink's heap
            MailSink.purge();
            long outbox = Stack.count("exchange", "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
            long due;
            try {
                due = Stack.count("notification", "SELECT count(*) FROM delivery WHERE status = 'PENDING'");
            } catch (RuntimeException schemaChanged) {
                due = 0;
            }
            if (outbox == 0 && due == 0 && System.currentTimeMillis() - sink.lastArrival > 3000) {
                break;
            }
        }
        System.out.printf("  (queues drained in %.0f s)%n", (System.currentTimeMillis() - start) / 1000.0);
    }

    /**
     * At a constant rate: commit (the outbox row's created_at, the transaction's start, so a few ms early) → email accepted
     * by the SMTP sink (notification's sent_at) and → webhook received by the sink; and the CPU each process used from the
     * first submission until the last notification left, per submitted request.
     */
    private void eventLatency(WebhookSink sink, int rate, int seconds) throws Exception {
        String agreement = Stack.agreementBetween("agadez", "es-semara");
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        MailSink.purge();
        Statements statements = Statements.start();
        Processes.Snapshot before = Processes.Snapshot.take(pids);
        ConstantRate.run(rate, seconds, () -> {
            String id = submitForId(agreement);
            requests.add(id);
            return id == null ? 500 : 201;
        });
        Map<String, Long> committed = commitTimes(requests);
        long deadline = System.currentTimeMillis() + (quick ? 60_000 : 180_000);
        while (System.currentTimeMillis() < deadline && !sink.arrivals.keySet().containsAll(committed.keySet())) {
            Thread.sleep(100);
        }
        drain(sink);
        Processes.Snapshot after = Processes.Snapshot.take(pids);
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
        } catch (java.sql.SQLException schemaChanged) {
            System.out.println("  (emails not read: " + schemaChanged.getMessage() + ")");
        }
        committed.forEach((event, at) -> {
            Long arrived = sink.arrivals.get(event);
            if (arrived != null) {
                webhook.recordValue(Math.max(1, arrived - at));
            }
        });
        line("Event latency at " + rate + " submissions/s for " + seconds + " s (" + committed.size() + " events committed)");
        line(String.format("  %-44s %8s %10s %10s %10s %10s", "", "count", "p50 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (var h : List.of(Map.entry("commit → email accepted by the SMTP sink", email), Map.entry("commit → webhook received", webhook))) {
            line(String.format("  %-44s %8d %10d %10d %10d %10d%s", h.getKey(), h.getValue().getTotalCount(),
                    h.getValue().getValueAtPercentile(50), h.getValue().getValueAtPercentile(99),
                    h.getValue().getValueAtPercentile(99.9), h.getValue().getMaxValue(),
                    h.getValue().getTotalCount() < committed.size() ? "  (" + (committed.size() - h.getValue().getTotalCount())
                            + " missing)" : ""));
        }
        String events = "('" + String.join("','", committed.keySet()) + "')";
        long deliveries = Stack.count("notification", "SELECT count(*) FROM delivery WHERE event_id IN " + events);
        long emails = Stack.count("notification", "SELECT count(*) FROM delivery WHERE channel = 'EMAIL' AND event_id IN " + events);
        int n = Math.max(1, committed.size());
        line(String.format("  fan-out: %d deliveries for %d events, %.1f a submitted request (%.1f emails, %.1f webhooks)",
                deliveries, committed.size(), deliveries / (double) n, emails / (double) n, (deliveries - emails) / (double) n));
        Map<String, Double> used = after.since(before);
        double window = after.secondsSince(before);
        line(String.format("  CPU per submitted request over %.0f s (submissions to the last notification sent), ms:", window));
        line(String.format("  %-26s %10s %16s %12s", "process", "ms/request", "idle ms/s", "less idle"));
        double stack = 0;
        double beyondIdle = 0;
        for (var e : used.entrySet()) {
            double perRequest = e.getValue() / n;
            if (Double.isNaN(perRequest)) {
                line(String.format("  %-26s %10s %16s", e.getKey(), "restarted", "in the window"));
                continue;
            }
            // what the requests cost beyond what the process burns anyway (timers, polls, GC of an idle heap)
            double idleRate = idle.getOrDefault(e.getKey(), 0.0) / idleSeconds;
            double marginal = perRequest - idleRate * window / n;
            line(String.format("  %-26s %10.2f %16.1f %12.2f", e.getKey(), perRequest, idleRate, marginal));
            if (!e.getKey().startsWith("bench")) {
                stack += perRequest;
                beyondIdle += marginal;
            }
        }
        line(String.format("  %-26s %10.2f %16s %12.2f   (the idle burn is in the first: idle ms/s × %.0f s / %d requests)",
                "stack total", stack, "", beyondIdle, window, n));
        line(String.format("  %-26s %10.2f %16s %12.2f   (stack total / deliveries a request)", "stack total per delivery",
                stack / Math.max(1.0, deliveries / (double) n), "", beyondIdle / Math.max(1.0, deliveries / (double) n)));
        statements.per(n, 8).forEach(this::line);
        line("");
    }

    /**
     * Notification throughput on its own: notification-service paused while exchange takes a burst of submissions, each
     * fanned out to {@code contacts} sink contacts (so the backlog is ≥ 20,000 webhook deliveries, 2,000 in --quick);
     * resumed, the webhooks received per second from its resumption until the last arrives. It includes consuming the
     * events and writing their deliveries, which a real backlog after an outage includes too.
     */
    private void notificationThroughput(WebhookSink sink) throws Exception {
        int contacts = quick ? 10 : 20;
        int burst = Integer.parseInt(args.getOrDefault("burst", quick ? "200" : "1000"));
        List<String> extra = SinkContact.enable(1, contacts - 1);
        try {
            drain(sink);
            String agreement = Stack.agreementBetween("agadez", "es-semara");
            long before = sink.received.get();
            signal("STOP", "notification-service");
            int ok;
            try {
                ok = ConstantRate.run(quick ? 50 : 100, burst / (quick ? 50 : 100), () -> submit(agreement, "agadez", "es-semara")).ok();
                Thread.sleep(3000); // the relay publishes the last of them
            } finally {
                signal("CONT", "notification-service");
            }
            long resumed = System.currentTimeMillis();
            long expected = (long) ok * contacts;
            long deadline = resumed + 600_000;
            while (System.currentTimeMillis() < deadline && sink.received.get() - before < expected
                    && !(sink.received.get() > before && System.currentTimeMillis() - sink.lastArrival > 30_000)) {
                Thread.sleep(200);
            }
            long received = sink.received.get() - before;
            double seconds = (sink.lastArrival - resumed) / 1000.0;
            line("Notification throughput on its own: " + ok + " events queued while notification-service was paused, each to "
                    + contacts + " webhook contacts (the local sink) and the usual emails");
            line(String.format("  webhooks received %d of %d, resumption → last webhook %.1f s, %.0f webhook deliveries/s", received,
                    expected, seconds, received / Math.max(0.001, seconds)));
            line("  notification-service's own DeliveryBench (20,000 deliveries already in the table, 20 sink endpoints): "
                    + args.getOrDefault("delivery-bench", "not run"));
            line("");
        } finally {
            SinkContact.disable(extra, 1);
        }
    }

    /** Time to ready and RSS of each service launched alone and the four at once, with ./twinning up's JVM flags. */
    private void startUp() throws Exception {
        List<String> flags = List.of(args.getOrDefault("jvm", "-Xmx256m").trim().split("\\s+"));
        line("Start-up (launch → /q/health/ready 200), each service alone, then the four at once; JVM flags: " + String.join(" ", flags));
        line(String.format("  %-22s %12s %10s %10s %14s %10s", "", "alone s", "RSS MiB", "CPU s", "together s", "RSS MiB"));
        for (var e : StartUp.measure(flags).entrySet()) {
            StartUp.Figure a = e.getValue()[0];
            StartUp.Figure t = e.getValue()[1];
            line(String.format("  %-22s %12.1f %10d %10.1f %14s %10s", e.getKey(), a.readyMillis() / 1000.0, a.rssMiB(),
                    a.cpuMillis() / 1000.0, t == null ? "n/a" : String.format("%.1f", t.readyMillis() / 1000.0),
                    t == null ? "n/a" : String.valueOf(t.rssMiB())));
        }
        line("");
    }

    /**
     * Time to ready and resident memory at the end of the load, its peak (the kernel's high-water mark) and again
     * once the services were quiet for {@link #QUIET}: a service gives back the heap a burst grew only when quiet
     * (the platform's IdleHeap). Each start rewrites the service's log, so the "started in" Quarkus logged there is
     * that of the process measured, whenever ./twinning started it.
     */
    private void services() throws Exception {
        Map<String, Long> pids = Processes.ofStack();
        Map<String, Long> atEnd = new LinkedHashMap<>();
        for (String service : Processes.SERVICES) {
            atEnd.put(service, pids.containsKey(service) ? Processes.rssMiB(pids.get(service)) : -1);
        }
        Thread.sleep(QUIET.toMillis());
        line("Services of the running stack after the load (RSS; \"started in\" is what Quarkus logged at their last start)");
        line(String.format("  %-22s %14s %12s %12s %14s", "", "ready in (s)", "RSS at end", "peak RSS",
                "after " + QUIET.toSeconds() + " s quiet"));
        for (String service : Processes.SERVICES) {
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
            long pid = pids.getOrDefault(service, -1L);
            line(String.format("  %-22s %14s %12d %12d %14d", service, started, atEnd.get(service),
                    Processes.statusMiB(pid, "VmHWM:"), Processes.rssMiB(pid)));
        }
        line("  (MiB; a quiet service gives its grown heap back within two of IdleHeap's 20 s checks)");
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
            return send(submission(agreement, to, from), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String submitForId(String agreement) {
        try {
            HttpResponse<String> r = send(submission(agreement, "es-semara", "agadez"), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 201 ? JSON.readTree(r.body()).path("id").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A hard deadline: the client's own request timeout was seen not to fire on a connection to a restarted service. */
    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        var call = HTTP.sendAsync(request, body);
        try {
            return call.get(35, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            call.cancel(true);
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
