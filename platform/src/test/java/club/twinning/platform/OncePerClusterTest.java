package club.twinning.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.work.ClusterLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas' schedules fire at once: one runs the job, the other skips it, against the real PostgreSQL. */
@QuarkusTest
class OncePerClusterTest {

    @Inject
    NightlyJob job;

    @Inject
    ClusterLock lock;

    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        replicas.shutdownNow();
    }

    @Test
    void whileOneReplicaRunsTheJobTheOtherSkipsItWithoutError() throws Exception {
        int before = job.runs();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<Integer> first = replicas.submit(() -> job.run(started, finish));
        assertTrue(started.await(30, TimeUnit.SECONDS), "the first replica never started the job");

        // The other replica, both ways a job can be written, while the first one is inside the job.
        CountDownLatch letGo = new CountDownLatch(0);
        assertEquals(0, replicas.submit(() -> job.run(new CountDownLatch(1), letGo)).get(), "skipped: returns 0");
        assertEquals(0, replicas.submit(() -> job.runTransactional(new CountDownLatch(1), letGo)).get());
        assertEquals(before + 1, job.runs(), "the job ran more than once at a time");

        finish.countDown();
        assertEquals(1, first.get());
        // The lock went with the first replica's transaction: the next run is not held off.
        assertEquals(1, replicas.submit(() -> job.runTransactional(new CountDownLatch(1), letGo)).get());
        assertEquals(before + 2, job.runs());
    }

    @Test
    void aLockIsHeldByOneTransactionAndOnlyForItsName() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> holder = replicas.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean got = lock.tryHold("digest");
            held.countDown();
            release.await(30, TimeUnit.SECONDS);
            return got;
        }));
        assertTrue(held.await(30, TimeUnit.SECONDS));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> lock.tryHold("digest")), "two transactions hold one lock");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> lock.tryHold("lifecycle")), "another job's lock is free");
        release.countDown();
        assertTrue(holder.get());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> lock.tryHold("digest")), "released at the end of the transaction");
    }
}
