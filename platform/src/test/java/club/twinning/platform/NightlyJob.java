package club.twinning.platform;

import club.twinning.platform.work.OncePerCluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduled job of the test application: it counts its runs and, while it runs, waits until it is let go. */
@ApplicationScoped
public class NightlyJob {

    private final AtomicInteger runs = new AtomicInteger();

    /** How many times the job ran. */
    public int runs() {
        return runs.get();
    }

    /** A job without a transaction of its own (the lock begins one around it). */
    @OncePerCluster
    public int run(CountDownLatch started, CountDownLatch finish) throws InterruptedException {
        return work(started, finish);
    }

    /** The same job, spelled as the services spell theirs: inside its own transaction. */
    @OncePerCluster
    @Transactional
    public int runTransactional(CountDownLatch started, CountDownLatch finish) throws InterruptedException {
        return work(started, finish);
    }

    private int work(CountDownLatch started, CountDownLatch finish) throws InterruptedException {
        runs.incrementAndGet();
        started.countDown();
        if (!finish.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never let go");
        }
        return 1;
    }
}
