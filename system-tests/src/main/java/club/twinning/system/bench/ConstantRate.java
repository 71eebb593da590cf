package club.twinning.system.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: calls are started on a fixed schedule whatever the answers take, and each latency is
 * measured from when the call was due, not from when it started, so a stalled server is not hidden (no coordinated
 * omission).
 */
final class ConstantRate {

    /** achievedRate counts until the last answer; sustained: none failed, p99 under 1 s, the last answer within 5 % + 1 s. */
    record Result(double targetRate, double achievedRate, int ok, int failed, Histogram latencies, double scheduled, double elapsed) {
        boolean sustained() {
            return failed == 0 && elapsed <= scheduled * 1.05 + 1 && latencies.getValueAtPercentile(99) < 1_000_000;
        }
    }

    private ConstantRate() {
    }

    /** {@code call} returns an HTTP status; 2xx counts as ok. Latencies are recorded in microseconds. */
    static Result run(double rate, int seconds, IntSupplier call) throws InterruptedException {
        Histogram latencies = new ConcurrentHistogram(60_000_000L, 3);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        int total = (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            workers.submit(() -> {
                int status;
                try {
                    status = call.getAsInt();
                } catch (RuntimeException e) {
                    status = 0;
                }
                latencies.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                (status / 100 == 2 ? ok : failed).incrementAndGet();
            });
        }
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(rate, ok.get() / elapsed, ok.get(), failed.get(), latencies, seconds, elapsed);
    }
}
