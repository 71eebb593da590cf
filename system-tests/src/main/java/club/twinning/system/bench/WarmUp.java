package club.twinning.system.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Drives every service (submissions through exchange, which notification fans out; agreement reads on registry; the
 * portal's public register) until the JIT has settled: HotSpot compiles a method once it was called some thousands of
 * times (C2 after ~5,000 invocations or ~15,000 loop iterations), so warm-up is a count of requests, not a time, and
 * at the 4/s of a demo the compiler threads took 40–54 % of a service's CPU for 20 minutes. Here the load runs in
 * windows of 15 s and stops when, in one window, every service spent less than {@code threshold} of its CPU in its
 * compiler threads (measured from /proc, not guessed), or at {@code maxSeconds}.
 */
final class WarmUp {

    record Outcome(double seconds, Map<String, Double> jitShare, boolean settled) {
    }

    private WarmUp() {
    }

    static Outcome run(List<IntSupplier> calls, List<Double> rates, int windowSeconds, int minSeconds, int maxSeconds,
                       double threshold) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        Processes.ofStack().forEach((name, pid) -> {
            if (Processes.SERVICES.contains(name)) {
                pids.put(name, pid);
            }
        });
        long start = System.nanoTime();
        Map<String, Double> share = new LinkedHashMap<>();
        boolean settled = false;
        while (true) {
            Map<String, double[]> before = new LinkedHashMap<>();
            pids.forEach((name, pid) -> before.put(name, new double[] {Processes.cpuMillis(pid), Processes.jitMillis(pid)}));
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                IntSupplier call = calls.get(i);
                double rate = rates.get(i);
                Thread t = new Thread(() -> {
                    try {
                        ConstantRate.run(rate, windowSeconds, call);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                load.add(t);
            }
            for (Thread t : load) {
                t.join();
            }
            settled = true;
            for (var e : pids.entrySet()) {
                double cpu = Processes.cpuMillis(e.getValue()) - before.get(e.getKey())[0];
                double jit = Processes.jitMillis(e.getValue()) - before.get(e.getKey())[1];
                share.put(e.getKey(), cpu > 0 ? jit / cpu : 0);
                settled &= cpu > 0 && jit / cpu < threshold;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("  (warm-up %.0f s: JIT share of CPU %s)%n", elapsed, percent(share));
            if ((settled && elapsed >= minSeconds) || elapsed >= maxSeconds) {
                return new Outcome(elapsed, share, settled);
            }
        }
    }

    static String percent(Map<String, Double> share) {
        StringBuilder s = new StringBuilder();
        share.forEach((name, v) -> s.append(s.isEmpty() ? "" : ", ").append(name).append(' ').append(Math.round(v * 100)).append(" %"));
        return s.toString();
    }
}
