package club.twinning.platform.work;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.jboss.logging.Logger;

/**
 * Gives the heap a burst grew back to the system once the service is quiet. Serial GC (ADR 16) returns committed
 * heap only after a full collection, and runs one only when the heap is full: a burst left a service at its -Xmx for
 * good (registry-service 426 MiB of RSS after the bench, 45 MiB of its heap live). When no collection at all ran
 * between two checks, the service allocates next to nothing, and one full collection then shrinks the heap to its
 * live data plus {@code MaxHeapFreeRatio}: what {@code -XX:G1PeriodicGCInterval} does for G1, which cost
 * notification-service more CPU a request here. Only a heap that grew since the last return is collected, so a quiet
 * service is not collected again and again.
 */
@ApplicationScoped
public class IdleHeap {

    private static final Logger LOG = Logger.getLogger(IdleHeap.class);
    /** Growth below this is not worth a full collection. */
    private static final long GROWTH = 16L << 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long collections = -1;
    /** Committed heap after the last return; 0 at start, so the start-up's own garbage goes at the first quiet check. */
    private long returnedTo;

    /** Every 20 s by default; {@code twinning.heap.idle-check=off} turns it off. */
    @Scheduled(every = "${twinning.heap.idle-check:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        long now = collections();
        boolean quiet = now == collections;
        collections = now;
        long committed = memory.getHeapMemoryUsage().getCommitted();
        if (!quiet || committed < returnedTo + GROWTH) {
            return;
        }
        System.gc();
        returnedTo = memory.getHeapMemoryUsage().getCommitted();
        collections = collections();
        LOG.debugf("quiet: heap returned, %d MiB committed before, %d MiB after", committed >> 20, returnedTo >> 20);
    }

    static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }
}
