package club.twinning.system.drill;

import club.twinning.system.Stack;
import java.io.File;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The faults themselves: processes of ./twinning stopped by their PID files (their whole process group, by the signal
 * a drill names: SIGKILL for a crash), and started again exactly as they were, from the command line and working
 * directory read from /proc before the stop, so that a drill never builds anything or changes how a service runs.
 * PostgreSQL is stopped with a fast shutdown and started with pg_ctl, as ./twinning does.
 */
final class Processes {

    private static final Path STATE = Path.of(System.getenv().getOrDefault("TWINNING_HOME", ".twinning")).toAbsolutePath();
    /** How each process of ./twinning says it is ready. */
    private static final Map<String, String> READY = Map.of("registry-service", "http://127.0.0.1:8081/q/health/ready",
            "exchange-service", "http://127.0.0.1:8082/q/health/ready", "notification-service", "http://127.0.0.1:8083/q/health/ready",
            "portal", "http://127.0.0.1:8080/q/health/ready", "mail", "http://127.0.0.1:8025/api/service/readiness");

    /** A stopped process and how to start it again. */
    record Stopped(String name, List<String> command, File directory) {
    }

    private Processes() {
    }

    static boolean running(String name) {
        try {
            String pid = Files.readString(STATE.resolve("run/" + name + ".pid")).trim();
            return Files.exists(Path.of("/proc/" + pid));
        } catch (Exception e) {
            return false;
        }
    }

    /** Sends {@code signal} to the process group of {@code name} and waits until it is gone. */
    static Stopped stop(String name, String signal) throws Exception {
        String pid = Files.readString(STATE.resolve("run/" + name + ".pid")).trim();
        byte[] cmdline = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
        List<String> command = new ArrayList<>(Arrays.asList(new String(cmdline).split("\0")));
        File directory = Path.of("/proc/" + pid + "/cwd").toRealPath().toFile();
        exec("kill", "-" + signal, "--", "-" + pid); // its whole process group, as ./twinning started it
        if (!gone(pid, 30)) {
            exec("kill", "-KILL", "--", "-" + pid);
            Thread.sleep(1000);
        }
        return new Stopped(name, command, directory);
    }

    /**
     * Freezes ({@code STOP}) or thaws ({@code CONT}) the process group of {@code name}: a hung server, whose open
     * connections and memory survive (GreenMail keeps its mailboxes in memory: a restart would lose them).
     */
    static void signal(String name, String signal) throws Exception {
        String pid = Files.readString(STATE.resolve("run/" + name + ".pid")).trim();
        if (exec("kill", "-" + signal, "--", "-" + pid) != 0) {
            throw new IllegalStateException("could not send SIG" + signal + " to " + name);
        }
        if (signal.equals("STOP")) {
            FROZEN.add(pid);
        } else {
            FROZEN.remove(pid);
        }
    }

    private static final java.util.Set<String> FROZEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // A drill that dies (or is interrupted) while a process is frozen must not leave it frozen.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FROZEN.forEach(pid -> {
            try {
                exec("kill", "-CONT", "--", "-" + pid);
            } catch (Exception e) {
                System.err.println("could not thaw process group " + pid + ": " + e);
            }
        })));
    }

    /** Starts it again in a session of its own (as ./twinning's start_bg), and waits until it is ready. */
    static void start(Stopped stopped) throws Exception {
        Path log = STATE.resolve("logs/" + stopped.name() + ".log");
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(stopped.command());
        Process process = new ProcessBuilder(command).directory(stopped.directory()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectInput(new File("/dev/null")).start();
        Files.writeString(STATE.resolve("run/" + stopped.name() + ".pid"), process.pid() + "\n");
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(stopped.name() + " exited at start; read " + log);
            }
            if (ready(stopped.name(), log, logFrom)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(stopped.name() + " not ready within 3 minutes; read " + log);
    }

    private static boolean ready(String name, Path log, long logFrom) throws Exception {
        if (name.equals("kafka")) {
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(Math.min(logFrom, Files.size(log)));
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Kafka Server started");
            }
        }
        String url = READY.get(name);
        if (url == null) {
            return true;
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            return c.getResponseCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** A fast shutdown (SIGINT): open transactions are rolled back, clients are cut off. */
    static void stopPostgres() throws Exception {
        String pid = Files.readAllLines(STATE.resolve("postgres/data/postmaster.pid")).get(0).trim();
        exec("kill", "-INT", pid);
        if (!gone(pid, 60)) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") still running 60 s after a fast shutdown");
        }
    }

    /** Whether process {@code pid} ended within {@code seconds}. */
    private static boolean gone(String pid, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 4 && Files.exists(Path.of("/proc/" + pid)); i++) {
            Thread.sleep(250);
        }
        return !Files.exists(Path.of("/proc/" + pid));
    }

    static boolean postgresUp() {
        try (Socket s = new Socket("127.0.0.1", Stack.PG_PORT)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** pg_ctl start with ./twinning's options (as the postgres user when run as root). */
    static void startPostgres() throws Exception {
        if (postgresUp()) {
            return;
        }
        String bin = Files.list(Path.of("/usr/lib/postgresql")).map(p -> p.resolve("bin/pg_ctl")).filter(Files::isExecutable)
                .map(Path::toString).findFirst().orElseThrow(() -> new IllegalStateException("no pg_ctl"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(bin, "-D", STATE.resolve("postgres/data").toString(), "-l", STATE.resolve("logs/postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + Stack.PG_PORT + " -c listen_addresses=127.0.0.1 -k " + STATE.resolve("postgres/socket")
                        + " -c max_connections=200 -c shared_preload_libraries=pg_stat_statements", "start"));
        // Tried again: a start that fails once (a port still held, a slow shutdown's lock file) must not leave the rest
        // of the run without a database.
        String said = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
            said = new String(pgCtl.getInputStream().readAllBytes()).trim();
            if (pgCtl.waitFor() == 0 || postgresUp()) {
                return;
            }
            Thread.sleep(5000L * attempt);
            if (postgresUp()) {
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL did not start after 3 tries; pg_ctl said: " + said + "; its log ends: "
                + String.join(" | ", postgresLogTail(5)));
    }

    /** The last lines of PostgreSQL's log, for a failure's message. */
    static List<String> postgresLogTail(int lines) {
        try {
            List<String> all = Files.readAllLines(STATE.resolve("logs/postgres.log"), java.nio.charset.StandardCharsets.ISO_8859_1);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (Exception e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    private static int exec(String... command) throws Exception {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
