package club.twinning.system.bench;

import club.twinning.system.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time to ready (launch → /q/health/ready answers 200, wall clock) and RSS of each service started alone, then of the
 * four started together, as ./twinning up starts them (same java, JVM flags, class archive and flat class path, from
 * the quarkus-app directory), on ports 18280–18283 and databases {@code <db>_startbench} of their own (./twinning bench
 * creates them), consuming empty topics of their own, so the running stack is not touched. A first round, not counted,
 * runs the migrations.
 */
final class StartUp {

    record Service(String name, int port, List<String> props) {
    }

    record Figure(long readyMillis, long rssMiB, double cpuMillis) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    static final List<Service> SERVICES = List.of(
            new Service("registry-service", 18281, List.of("-Dquarkus.datasource.jdbc.url=" + Stack.jdbcUrl("registry_startbench"),
                    "-Dtwinning.lifecycle.cron=off")),
            new Service("exchange-service", 18282, List.of("-Dquarkus.datasource.jdbc.url=" + Stack.jdbcUrl("exchange_startbench"),
                    "-Dmp.messaging.incoming.registry.group.id=exchange-startbench",
                    "-Dmp.messaging.incoming.registry.topics=bench.startbench.registry", "-Dtwinning.exchange.watch-cron=off")),
            new Service("notification-service", 18283, List.of("-Dquarkus.datasource.jdbc.url=" + Stack.jdbcUrl("notification_startbench"),
                    "-Dmp.messaging.incoming.events.group.id=notification-startbench",
                    // an empty topic and no SMTP: a copy must never send a notification the real one sends too
                    "-Dmp.messaging.incoming.events.topics=bench.startbench.events", "-Dquarkus.mailer.port=1")),
            new Service("portal", 18280, List.of()));

    private StartUp() {
    }

    /** Name → [alone, together]. */
    static Map<String, Figure[]> measure(List<String> jvmFlags) throws Exception {
        together(jvmFlags); // migrations, page cache: not counted
        Map<String, Figure[]> figures = new LinkedHashMap<>();
        for (Service s : SERVICES) {
            figures.put(s.name(), new Figure[] {startAll(List.of(s), jvmFlags).get(s.name()), null});
        }
        together(jvmFlags).forEach((name, f) -> figures.get(name)[1] = f);
        return figures;
    }

    private static Map<String, Figure> together(List<String> jvmFlags) throws Exception {
        return startAll(SERVICES, jvmFlags);
    }

    private static Map<String, Figure> startAll(List<Service> services, List<String> jvmFlags) throws Exception {
        Map<String, Process> started = new LinkedHashMap<>();
        Map<String, Figure> figures = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            for (Service s : services) {
                Path app = Path.of(s.name(), "target", "quarkus-app");
                // ./twinning up's java and archive flags (twinning-java) and flat class path (twinning-launch.args)
                List<String> java = Files.exists(app.resolve("twinning-java"))
                        ? Files.readAllLines(app.resolve("twinning-java")).stream().filter(l -> !l.isBlank()).toList()
                        : List.of("java");
                List<String> command = new ArrayList<>(java.subList(0, 1));
                command.addAll(jvmFlags);
                command.addAll(java.subList(1, java.size()));
                // the local profile, as ./twinning up starts them (notification's demo-only keys live there)
                command.addAll(List.of("-Dquarkus.profile=local", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + s.port()));
                command.addAll(s.props());
                command.addAll(Files.exists(app.resolve("twinning-launch.args")) ? List.of("@twinning-launch.args")
                        : List.of("-jar", "quarkus-run.jar"));
                started.put(s.name(), new ProcessBuilder(command).directory(app.toFile())
                        .redirectErrorStream(true).redirectOutput(Path.of(".twinning/logs/startbench-" + s.name() + ".log").toFile())
                        .start());
            }
            long deadline = t0 + Duration.ofSeconds(180).toNanos();
            while (figures.size() < services.size() && System.nanoTime() < deadline) {
                for (Service s : services) {
                    Process p = started.get(s.name());
                    if (!figures.containsKey(s.name()) && ready(s.port())) {
                        figures.put(s.name(), new Figure((System.nanoTime() - t0) / 1_000_000, Processes.rssMiB(p.pid()),
                                Processes.cpuMillis(p.pid())));
                    } else if (!p.isAlive() && !figures.containsKey(s.name())) {
                        throw new IllegalStateException(s.name() + " exited while starting; read .twinning/logs/startbench-"
                                + s.name() + ".log");
                    }
                }
                Thread.sleep(50);
            }
        } finally {
            for (Process p : started.values()) {
                p.destroy();
            }
            for (Process p : started.values()) {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
        return figures;
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
