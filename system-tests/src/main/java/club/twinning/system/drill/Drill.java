package club.twinning.system.drill;

import static io.restassured.RestAssured.given;

import club.twinning.system.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault drills of {@code ./twinning drill}: the stack under a stream of whole exchanges (submitted, voted to a
 * decision, visit planned, confirmed, reported), one fault at a time, then the end state read per event type from
 * exchange-service's outbox, the SMTP sink and the partner's webhook receiver. A drill fails when an event Es-Semara
 * should hear of is lost on a channel, an email comes twice under two Message-IDs, a webhook or email comes twice under
 * the same id without having been in flight at the fault, a call gets a 5xx other than 503 with Retry-After, a flow
 * cannot finish, or nothing flows within a minute of the fault ending. {@code --ci} runs the subset CI can afford;
 * names (kafka, notification, smtp, registry, postgres, webhook, slowloris) run only those.
 */
public final class Drill {

    /** Longest commit → webhook time (p99) allowed for a partner while another partner's endpoint is a slow loris. */
    static final long SLOW_LORIS_P99_BOUND_MS = 5000;
    private static final int WARM_UP_S = 8;
    private static final int AFTER_HEAL_S = 20;
    private static final String SLOW = "agadez-slow";

    /** One fault: it breaks something, waits, heals it (always, even when it fails half-way). */
    interface Scenario {
        void run(Context c) throws Exception;
    }

    record Fault(String name, String title, boolean ci, Scenario scenario) {
    }

    /** What a scenario reports back: when it healed, what was in flight, its own findings. */
    final class Context {
        final Stream stream;
        long healedAt;
        long faultFrom;
        final Set<String> inFlightHooks = new HashSet<>();
        final Set<String> inFlightEmails = new HashSet<>();
        final List<String> notes = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        Runnable afterOutcome = () -> { };
        java.util.function.Consumer<Outcome> check = o -> { };

        Context(Stream stream) {
            this.stream = stream;
        }

        /** The receiver's open requests and the deliveries claimed but not recorded, now: a resend of these is allowed. */
        int[] snapshotInFlight() {
            receiver.open.stream().filter(k -> k.startsWith(Outcome.HOOK + " ")).map(k -> k.substring(Outcome.HOOK.length() + 1))
                    .forEach(inFlightHooks::add);
            int open = inFlightHooks.size();
            int claimedHooks = 0;
            int claimedEmails = 0;
            try (Connection db = Stack.database("notification"); PreparedStatement q = db.prepareStatement(
                    "SELECT event_id, channel, recipient FROM delivery WHERE status = 'SENDING'")) {
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        boolean hook = "WEBHOOK".equals(rs.getString(2));
                        if (hook) {
                            claimedHooks++;
                        } else {
                            claimedEmails++;
                        }
                        if (hook && Receiver.url(Outcome.HOOK).equals(rs.getString(3))) {
                            inFlightHooks.add(rs.getString(1));
                        } else if (!hook && Outcome.RECIPIENT.equals(rs.getString(3))) {
                            inFlightEmails.add(rs.getString(1));
                        }
                    }
                }
            } catch (Exception e) {
                notes.add("could not read the deliveries in flight: " + e.getMessage());
            }
            return new int[] {open, claimedHooks, claimedEmails};
        }
    }

    private final Receiver receiver;
    private final String agreement;
    private final String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    private final List<String> lines = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private final boolean ci;
    private boolean failed;

    private Drill(Receiver receiver, String agreement, boolean ci) {
        this.receiver = receiver;
        this.agreement = agreement;
        this.ci = ci;
    }

    public static void main(String[] args) throws Exception {
        boolean ci = List.of(args).contains("--ci");
        Set<String> only = new HashSet<>(List.of(args));
        only.remove("--ci");
        int code = 1;
        try (Receiver receiver = new Receiver()) {
            requireStack();
            String contact = Contacts.enable(Stream.PARTNER, Outcome.HOOK);
            try {
                Drill drill = new Drill(receiver, Stack.agreementBetween(Stream.REQUESTER, Stream.PARTNER), ci);
                code = drill.runAll(only) ? 0 : 1;
            } finally {
                try {
                    Contacts.disable(contact, Stream.PARTNER, Outcome.HOOK);
                } catch (RuntimeException e) { // never in place of what failed the drills
                    System.err.println("the drill's webhook contact " + contact + " is still active: " + e.getMessage());
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(code); // the stream's threads must not keep a failed run alive
        }
    }

    /** Every process of ./twinning up must run before a drill breaks one. */
    private static void requireStack() {
        List<String> down = new ArrayList<>();
        for (String name : List.of("kafka", "mail", "keycloak", "registry-service", "exchange-service", "notification-service", "portal")) {
            if (!Processes.running(name)) {
                down.add(name);
            }
        }
        if (!Processes.postgresUp()) {
            down.add("postgres");
        }
        if (!down.isEmpty()) {
            throw new IllegalStateException("not running: " + down + "; run ./twinning up first");
        }
    }

    private List<Fault> faults() {
        return List.of(
                new Fault("kafka", "1 Kafka SIGKILLed, down 30 s", false, c -> {
                    c.snapshotInFlight();
                    Processes.Stopped kafka = Processes.stop("kafka", "KILL");
                    long back;
                    try {
                        Thread.sleep(30_000);
                    } finally {
                        Processes.start(kafka);
                        back = System.currentTimeMillis();
                    }
                    c.notes.add(String.format("Kafka's process group SIGKILLed (no clean shutdown, its logs recovered at start);"
                            + " ready again %.0f s after the kill", (back - c.faultFrom) / 1000.0));
                }),
                new Fault("notification", "2 notification-service SIGKILLed mid-send", true, this::notificationKilled),
                // Frozen, not restarted: GreenMail keeps its mailboxes in memory, and a restart would lose what it had
                // accepted (a real server keeps it). Connections hang, which is harder on the sender than a refusal.
                new Fault("smtp", "3 SMTP server hung (SIGSTOP) 60 s", false, c -> {
                    Processes.signal("mail", "STOP");
                    c.snapshotInFlight();
                    try {
                        Thread.sleep(60_000);
                    } finally {
                        Processes.signal("mail", "CONT");
                    }
                }),
                new Fault("registry", "4 registry-service down 30 s", false, c -> {
                    Processes.Stopped registry = Processes.stop("registry-service", "TERM");
                    try {
                        Thread.sleep(30_000);
                    } finally {
                        Processes.start(registry);
                    }
                }),
                new Fault("postgres", "5 PostgreSQL down 3 min under load", true, this::postgresDown),
                new Fault("webhook", "6 webhook receiver answers 500 for " + (ci ? 20 : 60) + " s", false, c -> {
                    receiver.mode(Outcome.HOOK, Receiver.Mode.FAILING);
                    try {
                        Thread.sleep(ci ? 20_000 : 60_000);
                    } finally {
                        receiver.mode(Outcome.HOOK, Receiver.Mode.OK);
                    }
                }),
                new Fault("slowloris", "7 Agadez's webhook a slow loris " + slowLorisSeconds() + " s", true, this::slowLoris));
    }

    private boolean runAll(Set<String> only) throws Exception {
        line(String.format("%-42s %9s %8s %5s %5s %6s %9s %9s %s", "drill", "committed", "notified", "lost", "dup", "resent",
                "recovery", "5xx(503)", ""));
        summary.add(lines.get(0));
        for (Fault fault : faults()) {
            if (only.isEmpty() ? ci && !fault.ci() : !only.contains(fault.name())) {
                continue;
            }
            try {
                drill(fault);
            } catch (Exception e) { // one drill that cannot even start or end must not hide the others' tables
                line("  => FAILED: " + e);
                failed = true;
                summary.add(String.format("%-42s %s", fault.title(), "FAILED (" + e.getMessage() + ")"));
                healPostgres();
            }
        }
        line("");
        line("Summary (lost: a notified event with no email or no webhook at Es-Semara; dup: an email again under a new");
        line("Message-ID; resent: a copy again under the same Message-ID / Idempotency-Key, allowed only for sends in flight");
        line("at the fault, since delivery is at least once and the receiver deduplicates by that id):");
        summary.forEach(this::line);
        Path out = Path.of("system-tests/target/drill/drill-" + run + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println("written to " + out.toAbsolutePath());
        return !failed;
    }

    private void drill(Fault fault) throws Exception {
        String prefix = "Drill " + run + " " + fault.name();
        long fromOutbox = Outcome.lastOutboxId();
        line("");
        line("== " + fault.title() + " (flows titled \"" + prefix + " N\")");
        settle();
        Stream stream = new Stream(prefix, agreement, 1000);
        Context c = new Context(stream);
        stream.start();
        Thread.sleep(WARM_UP_S * 1000L);
        c.faultFrom = System.currentTimeMillis();
        try {
            fault.scenario().run(c);
        } catch (Exception e) {
            c.failures.add("the fault itself failed: " + e);
            line("  the fault itself failed: " + e); // now, not after the outcome, which may never come
        }
        c.healedAt = c.healedAt == 0 ? System.currentTimeMillis() : c.healedAt;
        Thread.sleep((ci ? AFTER_HEAL_S - 5 : AFTER_HEAL_S) * 1000L);
        stream.close(90);
        Outcome outcome;
        try {
            outcome = Outcome.await(prefix, fromOutbox, receiver, 240);
            c.afterOutcome.run();
            c.check.accept(outcome);
        } catch (Exception e) { // what this drill knows, then failed as any drill that cannot end (runAll)
            c.failures.forEach(f -> line("  FAILED: " + f));
            diagnose(c.faultFrom);
            throw new IllegalStateException("no outcome to read: " + e, e);
        }

        Long first = outcome.firstArrivalCommittedAfter(c.healedAt);
        Long recovery = first == null ? null : first - c.healedAt;
        Set<String> hookResent = outcome.hookResent();
        Set<String> emailResent = outcome.emailResent();
        timedOut(c);
        Set<String> unexplainedHooks = new HashSet<>(hookResent);
        unexplainedHooks.removeAll(c.inFlightHooks);
        Set<String> unexplainedEmails = new HashSet<>(emailResent);
        unexplainedEmails.removeAll(c.inFlightEmails);
        if (outcome.lost() > 0) {
            c.failures.add(outcome.lost() + " lost");
        }
        if (outcome.emailDuplicates() > 0) {
            c.failures.add(outcome.emailDuplicates() + " emails duplicated under a new Message-ID");
        }
        if (!unexplainedHooks.isEmpty()) {
            c.failures.add(unexplainedHooks.size() + " webhooks received twice under one Idempotency-Key that was not in flight at the fault: "
                    + unexplainedHooks.stream().limit(3).toList());
        }
        if (!unexplainedEmails.isEmpty()) {
            c.failures.add(unexplainedEmails.size() + " emails received twice under one Message-ID not in flight at the fault");
        }
        if (stream.serverErrors.get() > 0) {
            c.failures.add(stream.serverErrors.get() + " answers 5xx other than 503 with Retry-After");
        }
        if (stream.abandoned.get() > 0) {
            c.failures.add(stream.abandoned.get() + " flows could not finish within 90 s of the stream's end");
        }
        if (recovery == null || recovery > 60_000) {
            c.failures.add("nothing committed after the fault reached the webhook within 60 s of it ending");
        }
        if (outcome.notified().isEmpty()) {
            c.failures.add("no event was committed at all");
        }

        line(String.format("  %-34s %9s | %7s %5s %5s %6s | %7s %5s %6s", "event type", "committed", "email", "lost", "dup",
                "resent", "webhook", "lost", "resent"));
        for (Outcome.Row r : outcome.rows()) {
            if (!r.notified()) {
                line(String.format("  %-34s %9d | %s", r.type().replace("club.twinning.", ""), r.committed(),
                        "not notified to the partner city (by design)"));
                continue;
            }
            line(String.format("  %-34s %9d | %7d %5d %5d %6d | %7d %5d %6d", r.type().replace("club.twinning.", ""), r.committed(),
                    r.emailed(), r.emailLost(), r.emailDuplicated(), r.emailResent(), r.hooked(), r.hookLost(), r.hookExtraCopies()));
        }
        line(String.format("  flows: %d started, %d completed, %d abandoned; calls: %d 5xx, %d 503+Retry-After, %d without answer",
                stream.started.get(), stream.completed.get(), stream.abandoned.get(), stream.serverErrors.get(),
                stream.unavailableWithRetryAfter.get(), stream.unreachable.get()));
        stream.errorSamples.forEach(s -> line("    sample: " + s));
        line(String.format("  recovery: first webhook of an event committed after the fault ended: %s",
                recovery == null ? "never" : String.format("%.1f s after", recovery / 1000.0)));
        if (!hookResent.isEmpty() || !emailResent.isEmpty()) {
            line(String.format("  resent under the same id: %d webhooks (%d of them in flight at the fault or timed out, their fate unknown"
                            + " to the sender), %d emails (%d in flight or timed out)",
                    hookResent.size(), hookResent.size() - unexplainedHooks.size(), emailResent.size(),
                    emailResent.size() - unexplainedEmails.size()));
        }
        c.notes.forEach(n -> line("  " + n));
        boolean ok = c.failures.isEmpty();
        c.failures.forEach(f -> line("  FAILED: " + f));
        if (!ok) {
            diagnose(c.faultFrom);
        }
        line("  => " + (ok ? "ok" : "FAILED"));
        failed |= !ok;
        int committed = outcome.events.size();
        int resent = outcome.rows().stream().mapToInt(r -> r.emailResent() + r.hookExtraCopies()).sum();
        String s = String.format("%-42s %9d %8d %5d %5d %6d %9s %9s %s", fault.title(), committed, outcome.notified().size(),
                outcome.lost(), outcome.emailDuplicates(), resent, recovery == null ? "never" : String.format("%.1f s", recovery / 1000.0),
                (stream.serverErrors.get() + stream.unavailableWithRetryAfter.get()) + "(" + stream.unavailableWithRetryAfter.get() + ")",
                ok ? "ok" : "FAILED");
        summary.add(s);
    }

    /** PostgreSQL away 3 minutes while flows go on being tried; the consumers must hold their partitions and resume. */
    private void postgresDown(Context c) throws Exception {
        c.snapshotInFlight();
        long stopped = System.currentTimeMillis();
        Processes.stopPostgres();
        long back;
        try {
            Thread.sleep(180_000);
        } finally {
            Processes.startPostgres();
            back = System.currentTimeMillis();
        }
        c.notes.add(String.format("PostgreSQL down %.0f s (fast shutdown, then pg_ctl start)", (back - stopped) / 1000.0));
        int answeredBefore = c.stream.unavailableWithRetryAfter.get();
        awaitServicesReady(c);
        c.check = o -> {
            // Events committed just before the stop that notification-service only applied after PostgreSQL returned:
            // its consumer held them through the outage and resumed.
            List<String> before = o.notified().stream().filter(e -> e.committedAt() < stopped).map(Outcome.Event::id).toList();
            long held = Stack.count("notification", "SELECT count(DISTINCT event_id) FROM delivery WHERE created_at >= to_timestamp("
                    + back / 1000.0 + ") AND event_id IN (" + before.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b)
                    .orElse("''") + ")");
            c.notes.add(String.format("%d calls answered 503 with Retry-After while it was down; %d events committed before the stop"
                    + " were routed by notification-service only after it returned (held, then resumed); the consumers outlived an"
                    + " outage three times Kafka's 60 s poll limit, or nothing committed after it would have arrived", answeredBefore, held));
        };
    }

    /** notification-service killed while sends are provably in flight: the receiver holds its answers 2 s. */
    private void notificationKilled(Context c) throws Exception {
        receiver.slowAnswer(2000);
        receiver.mode(Outcome.HOOK, Receiver.Mode.SLOW_ANSWER);
        Processes.Stopped notification = null;
        try {
            c.stream.burst(20);
            long until = System.currentTimeMillis() + 30_000;
            while (receiver.open.stream().noneMatch(k -> k.startsWith(Outcome.HOOK + " ")) && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            Set<String> openAtKill = new HashSet<>(receiver.open);
            notification = Processes.stop("notification-service", "KILL");
            int[] inFlight = c.snapshotInFlight();
            c.notes.add(String.format("in flight at the SIGKILL: %d webhook requests open (unanswered) at the receiver; %d webhook"
                    + " and %d email deliveries claimed (SENDING) and never recorded", openAtKill.size(), inFlight[1], inFlight[2]));
            if (openAtKill.isEmpty() && inFlight[1] + inFlight[2] == 0) {
                c.failures.add("the SIGKILL hit nothing in flight: it proves nothing");
            }
        } finally {
            receiver.mode(Outcome.HOOK, Receiver.Mode.OK);
            if (notification != null) {
                Processes.start(notification);
            }
        }
    }

    private int slowLorisSeconds() {
        return ci ? 40 : 60;
    }

    /** Agadez registers an endpoint that trickles or never answers; Es-Semara's webhooks must stay on time. */
    private void slowLoris(Context c) throws Exception {
        receiver.mode(SLOW, Receiver.Mode.SLOW_LORIS);
        String contact = Contacts.enable(Stream.REQUESTER, SLOW);
        long from = System.currentTimeMillis();
        int maxOpen = 0;
        try {
            while (System.currentTimeMillis() < from + slowLorisSeconds() * 1000L) {
                maxOpen = Math.max(maxOpen, (int) receiver.open.stream().filter(k -> k.startsWith(SLOW + " ")).count());
                Thread.sleep(200);
            }
        } finally {
            c.healedAt = System.currentTimeMillis();
            Contacts.disable(contact, Stream.REQUESTER, SLOW);
        }
        long to = c.healedAt;
        int slowHits = receiver.at(SLOW).size();
        int heldOpen = maxOpen;
        c.afterOutcome = () -> receiver.mode(SLOW, Receiver.Mode.OK); // what it still owes drains at once
        c.check = o -> {
            List<Long> latencies = new ArrayList<>(o.hookLatencies(from, to));
            latencies.sort(Long::compare);
            long p50 = latencies.isEmpty() ? -1 : latencies.get(latencies.size() / 2);
            long p99 = latencies.isEmpty() ? -1 : latencies.get(Math.max(0, (int) Math.ceil(latencies.size() * 0.99) - 1));
            long max = latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1);
            c.notes.add(String.format("slow loris: %d events reached Agadez's slow endpoint, up to %d held open at once", slowHits, heldOpen));
            c.notes.add(String.format("Es-Semara's webhooks meanwhile (%d events committed in those " + slowLorisSeconds() + " s): commit -> webhook p50 %d ms,"
                    + " p99 %d ms, max %d ms (bound: p99 < %d ms)", latencies.size(), p50, p99, max, SLOW_LORIS_P99_BOUND_MS));
            if (slowHits == 0 || heldOpen == 0) {
                c.failures.add("the slow loris was never reached: it proves nothing");
            }
            if (latencies.isEmpty() || p99 >= SLOW_LORIS_P99_BOUND_MS) {
                c.failures.add("Es-Semara's p99 commit -> webhook " + p99 + " ms is not under " + SLOW_LORIS_P99_BOUND_MS + " ms");
            }
        };
    }

    /**
     * Sends that failed since the fault began other than by a clear refusal (an HTTP status, a refused connection):
     * timeouts (notification-service files an SMTP timeout as "error"), so the sender cannot know whether the receiver
     * got them, and it sends
     * again under the same id (at least once), and a copy received twice is allowed for them as for those in flight.
     */
    private void timedOut(Context c) {
        try (Connection db = Stack.database("notification"); PreparedStatement q = db.prepareStatement("""
                SELECT DISTINCT d.event_id, d.channel FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                 WHERE a.at >= ? AND a.outcome = 'FAILED' AND d.recipient IN (?, ?)
                   AND a.detail NOT LIKE 'http-%' AND a.detail NOT LIKE 'refused%'""")) {
            q.setTimestamp(1, new java.sql.Timestamp(c.faultFrom));
            q.setString(2, Outcome.RECIPIENT);
            q.setString(3, Receiver.url(Outcome.HOOK));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ("WEBHOOK".equals(rs.getString(2)) ? c.inFlightHooks : c.inFlightEmails).add(rs.getString(1));
                }
            }
        } catch (Exception e) {
            c.notes.add("could not read the sends that timed out: " + e.getMessage());
        }
    }

    /** Waits (up to 90 s) until what earlier runs left for the receiver is delivered: each drill starts from a quiet stack. */
    private void settle() throws Exception {
        long from = System.currentTimeMillis();
        long left = -1;
        while (System.currentTimeMillis() < from + 90_000) {
            left = Stack.count("notification", "SELECT count(*) FROM delivery WHERE recipient LIKE 'http://127.0.0.1:1809_/hook/%'"
                    + " AND status IN ('PENDING', 'RETRYING', 'SENDING')");
            if (left == 0) {
                break;
            }
            Thread.sleep(2000);
        }
        if (System.currentTimeMillis() - from > 2000) {
            line(String.format("  (waited %.0f s for deliveries earlier runs left to the receiver; %d still due)",
                    (System.currentTimeMillis() - from) / 1000.0, left));
        }
    }

    /** A drill that failed with PostgreSQL away starts it again, as every drill heals what it broke. */
    private void healPostgres() {
        if (Processes.postgresUp()) {
            return;
        }
        try {
            Processes.startPostgres();
            line("  (PostgreSQL was down after the drill: started again)");
        } catch (Exception e) {
            line("  (PostgreSQL was down after the drill and could not be started: " + e.getMessage() + ")");
        }
    }

    /** After PostgreSQL: every service ready again (its readiness is the database). */
    private static void awaitServicesReady(Context c) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        for (String url : List.of(Stack.REGISTRY, Stack.EXCHANGE, Stack.NOTIFICATION)) {
            while (true) {
                try {
                    if (given().get(url + "/q/health/ready").statusCode() == 200) {
                        break;
                    }
                } catch (RuntimeException notYet) {
                    // asked again
                }
                if (System.currentTimeMillis() > deadline) {
                    c.failures.add(url + " not ready within 2 minutes of PostgreSQL's return");
                    break;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The services' warnings about their consumers since the fault: where a consumer died, this says which. */
    private void diagnose(long since) {
        if (!Processes.postgresUp()) {
            line("    PostgreSQL is not up; the end of its log:");
            Processes.postgresLogTail(8).forEach(l -> line("    postgres log: " + l));
        }
        for (String service : List.of("exchange-service", "notification-service")) {
            Path log = Path.of(System.getenv().getOrDefault("TWINNING_HOME", ".twinning"), "logs", service + ".log");
            try {
                String from = java.time.LocalTime.ofInstant(java.time.Instant.ofEpochMilli(since), java.time.ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
                List<String> hits = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                        .filter(l -> l.length() > 8 && l.charAt(2) == ':' && l.substring(0, 8).compareTo(from) >= 0)
                        .filter(l -> l.contains("ERROR") || (l.contains("WARN") && (l.contains("Kafka") || l.contains("kafka")
                                || l.contains("consumer") || l.contains("partition"))))
                        .toList();
                hits.stream().skip(Math.max(0, hits.size() - 4)).forEach(l -> line("    " + service + " log: "
                        + l.substring(0, Math.min(240, l.length()))));
            } catch (Exception e) {
                line("    " + service + " log unreadable: " + e.getMessage());
            }
        }
    }

    private void line(String text) {
        System.out.println(text);
        lines.add(text);
    }
}
