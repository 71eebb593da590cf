package club.twinning.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's processes as the kernel counts them: CPU time from {@code /proc/<pid>/stat} (utime + stime, plus
 * cutime + cstime so that PostgreSQL's backends that exited in the window still count, summed over the live process
 * tree), resident memory from {@code /proc/<pid>/status}, and the JIT compiler threads' own CPU.
 * CPU time is the figure that stays stable on a shared machine: other tenants change latencies, not how much work
 * one request costs.
 */
final class Processes {

    /** Linux reports /proc times in USER_HZ, 100 on every architecture we run on. */
    private static final double MS_PER_TICK = 10.0;
    static final List<String> SERVICES = List.of("registry-service", "exchange-service", "notification-service", "portal");

    private Processes() {
    }

    /** Name → PID of every process of the running stack that has a PID file, and this bench's own JVM. */
    static Map<String, Long> ofStack() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : SERVICES) {
            pid(Path.of(".twinning/run/" + name + ".pid")).ifPresent(p -> pids.put(name, p));
        }
        pid(Path.of(".twinning/postgres/data/postmaster.pid")).ifPresent(p -> pids.put("postgresql", p));
        pid(Path.of(".twinning/run/kafka.pid")).ifPresent(p -> pids.put("kafka", p));
        pid(Path.of(".twinning/run/keycloak.pid")).ifPresent(p -> pids.put("keycloak", p));
        pid(Path.of(".twinning/run/mail.pid")).ifPresent(p -> pids.put("smtp sink", p));
        pids.put("bench driver (this JVM)", ProcessHandle.current().pid());
        return pids;
    }

    private static java.util.Optional<Long> pid(Path file) {
        try {
            long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
            return Files.exists(Path.of("/proc/" + pid)) ? java.util.Optional.of(pid) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** CPU milliseconds the process and its live descendants have used, reaped children included. */
    static double cpuMillis(long pid) {
        double ticks = 0;
        for (long p : tree(pid)) {
            String[] f = stat(p);
            if (f != null) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return ticks * MS_PER_TICK;
    }

    /** CPU milliseconds of the process's C1/C2 compiler threads (HotSpot names them "C1 CompilerThre…", "C2 …"). */
    static double jitMillis(long pid) {
        double ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String raw;
                try {
                    raw = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String comm = raw.substring(raw.indexOf('(') + 1, raw.lastIndexOf(')'));
                if (comm.contains("CompilerThre")) {
                    String[] f = raw.substring(raw.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * MS_PER_TICK;
    }

    static long rssMiB(long pid) {
        return statusMiB(pid, "VmRSS:");
    }

    /** A memory field of /proc/PID/status ("VmRSS:", "VmHWM:" for the peak) in MiB, or -1 if the process is gone. */
    static long statusMiB(long pid, String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith(field)) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    /** Fields after the command name (field 3, "state", is index 0), or null if the process is gone. */
    private static String[] stat(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return raw.substring(raw.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Long> tree(long root) {
        List<Long> all = new ArrayList<>();
        all.add(root);
        ProcessHandle.of(root).ifPresent(h -> h.descendants().forEach(d -> all.add(d.pid())));
        return all;
    }

    /** CPU of each named process at one instant (re-reading the PID files: a restarted service is noticed). */
    record Snapshot(long nanos, Map<String, Long> pids, Map<String, Double> cpu) {
        static Snapshot take(Map<String, Long> ignored) {
            Map<String, Long> pids = ofStack();
            Map<String, Double> cpu = new LinkedHashMap<>();
            pids.forEach((name, pid) -> cpu.put(name, cpuMillis(pid)));
            return new Snapshot(System.nanoTime(), pids, cpu);
        }

        /** CPU milliseconds each process used since {@code before}; NaN for one that was restarted in between. */
        Map<String, Double> since(Snapshot before) {
            Map<String, Double> used = new LinkedHashMap<>();
            cpu.forEach((name, ms) -> used.put(name, pids.get(name).equals(before.pids.get(name)) ? ms - before.cpu.get(name) : Double.NaN));
            return used;
        }

        double secondsSince(Snapshot before) {
            return (nanos - before.nanos) / 1e9;
        }
    }
}
