package club.twinning.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleHeapTest {

    @Test
    void aQuietServiceIsCollectedOnceThenOnlyAfterItsHeapGrew() {
        IdleHeap heap = new IdleHeap();
        heap.check(); // the first check only counts collections: quiet means none ran since the last check
        long before = IdleHeap.collections();
        heap.check(); // quiet, and the start-up's heap was never returned
        assertTrue(IdleHeap.collections() > before, "a quiet check with a grown heap collects");
        long after = IdleHeap.collections();
        heap.check(); // still quiet, but the heap did not grow since
        assertEquals(after, IdleHeap.collections(), "a quiet service is not collected again and again");
    }

    @Test
    void aBusyServiceIsNotCollected() {
        IdleHeap heap = new IdleHeap();
        heap.check();
        System.gc(); // a collection between two checks: the service was not quiet
        long before = IdleHeap.collections();
        heap.check();
        assertEquals(before, IdleHeap.collections());
    }
}
