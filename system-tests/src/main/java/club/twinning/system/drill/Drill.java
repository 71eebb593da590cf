package club.twinning.system.drill;

import club.twinning.system.Stack;
import club.twinning.system.bench.SinkContact;
import club.twinning.system.bench.WebhookSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault drills of {@code ./twinning drill}: the stack under a steady stream, one fault at a time, then the end
 * state checked from the databases, the SMTP sink and a webhook receiver. Exits 1 when an event was lost or
 * duplicated, a call got a 5xx other than 503 with Retry-After, or a service did not recover within a minute of the
 * fault ending.
 */
public final class Drill {

    /** One fault: what breaks, for how long, and how it heals. */
    record Fault(String name, int seconds, Step inject, Step heal) {
    }

    interface Step {
        void run() throws Exception;
    }

    private final WebhookSink sink;
    private final String agreement;
    private final String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    private Drill(WebhookSink sink, String agreement) {
        this.sink = sink;
        this.agreement = agreement;
    }

    public static void main(String[] args) throws Exception {
        boolean ci = List.of(args).contains("--ci");
        int code = 1;
        try (WebhookSink sink = new WebhookSink()) {
            String contact = SinkContact.enable();
            try {
                Drill drill = new Drill(sink, Stack.agreementBetween("agadez", "es-semara"));
                code = drill.runAll(ci) ? 0 : 1;
            } finally {
                SinkContact.disable(contact);
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(code); // the stream's threads must not keep a failed run alive
        }
    }

    private boolean runAll(boolean ci) throws Exception {
        Map<String, Fault> faults = new LinkedHashMap<>();
        faults.put("1 Kafka broker stopped 30 s", new Fault("kafka", 30, () -> Processes.stop("kafka", "TERM"), Processes::up));
        faults.put("2 notification-service SIGKILLed mid-send", new Fault("notification", 0, () -> {
            stream.burst(40);
            Thread.sleep(1500);
            Processes.stop("notification-service", "KILL");
        }, Processes::up));
        faults.put("3 SMTP server down 60 s", new Fault("smtp", 60, () -> Processes.stop("mail", "TERM"), Processes::up));
        faults.put("4 registry-service down 30 s", new Fault("registry", 30, () -> Processes.stop("registry-service", "TERM"),
                Processes::up));
        faults.put("5 PostgreSQL restarted under load", new Fault("postgres", 0, Processes::stopPostgres, Processes::up));
        faults.put("6 webhook receiver answers 500 for 60 s", new Fault("webhook", ci ? 20 : 60, () -> sink.failing = true,
                () -> sink.failing = false));
        line(String.format("%-44s %9s %9s %9s %9s %5s %9s %12s %s", "drill", "committed", "delivered", "duplicate",
                "resent*", "lost", "recovery", "5xx (503+RA)", ""));
        for (var entry : faults.entrySet()) {
            if (ci && !(entry.getValue().name().equals("notification") || entry.getValue().name().equals("webhook"))) {
                continue;
            }
            drill(entry.getKey(), entry.getValue());
        }
        line("* resent: a copy received again under the same id (email Message-ID, webhook Idempotency-Key) after a crash");
        line("  between sending and recording it; the receiver recognises it. A duplicate (a copy under a new id) fails the drill.");
        Path out = Path.of("system-tests/target/drill/drill-" + run + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println("written to " + out.toAbsolutePath());
        return !failed;
    }

    private Stream stream;

    private void drill(String title, Fault fault) throws Exception {
        int duplicatesBefore = sink.duplicates.get();
        stream = new Stream("Drill " + run + " " + fault.name(), agreement);
        stream.start();
        Thread.sleep(10_000);
        fault.inject().run();
        Thread.sleep(fault.seconds() * 1000L);
        fault.heal().run();
        long healed = System.currentTimeMillis();
        Thread.sleep(30_000);
        stream.close();
        Outcome outcome = Outcome.await(stream.prefix, sink, 180);
        Long recovery = stream.created.entrySet().stream().filter(e -> e.getValue() >= healed)
                .map(e -> outcome.webhookArrivalOfRequest(e.getKey())).filter(java.util.Objects::nonNull)
                .min(Long::compare).map(arrival -> arrival - healed).orElse(null);
        int resent = outcome.mail().resent() + sink.duplicates.get() - duplicatesBefore;
        boolean ok = outcome.lost() == 0 && outcome.mail().duplicates() == 0 && stream.serverErrors.get() == 0
                && recovery != null && recovery <= 60_000;
        failed |= !ok;
        line(String.format("%-44s %9d %9d %9d %9d %5d %9s %12s %s", title, outcome.committed(), outcome.delivered(),
                outcome.mail().duplicates(), resent, outcome.lost(), recovery == null ? "never" : String.format("%.1f s", recovery / 1000.0),
                (stream.serverErrors.get() + stream.unavailableWithRetryAfter.get()) + " (" + stream.unavailableWithRetryAfter.get() + ")",
                ok ? "ok" : "FAILED"));
        stream.errorSamples.forEach(s -> line("    5xx: " + s));
    }

    private void line(String text) {
        System.out.println(text);
        lines.add(text);
    }
}
