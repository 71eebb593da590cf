package club.twinning.platform.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Runs a pass on one thread of its own each time it is woken, until a pass says nothing more waits. Wakes that
 * arrive while a pass runs are folded into one more round, so a burst of commits costs a few passes, not one
 * each, and nothing waits for a timer: a timer may still call {@link #wake()} as the safety net.
 *
 * <p>A pass either returns how much it did ({@link #Drain(String, IntSupplier)}: more than 0 means "go on", so the
 * last pass of a round finds nothing), or says itself whether more may be waiting
 * ({@link #whileMoreMayWait(String, BooleanSupplier)}), which spares that last, empty pass when the pass can tell
 * (a partial batch, say).
 */
public final class Drain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final String name;
    /** True when more may be waiting: the drain goes on. */
    private final BooleanSupplier pass;
    private final ExecutorService thread;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean open;

    /** {@code pass} does one batch of work and returns how much it did; 0 means "nothing left". */
    public Drain(String name, IntSupplier pass) {
        this(name, (BooleanSupplier) () -> pass.getAsInt() > 0);
    }

    /**
     * {@code pass} does one batch of work and returns whether more may be waiting: false ends the round (a wake that
     * came meanwhile still starts another), so it must be false only when the pass saw all there was to do.
     */
    public static Drain whileMoreMayWait(String name, BooleanSupplier pass) {
        return new Drain(name, pass);
    }

    private Drain(String name, BooleanSupplier pass) {
        this.name = name;
        this.pass = pass;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Wakes are ignored until the owner says it can work (e.g. its Kafka channel is wired). */
    public void open() {
        open = true;
        wake();
    }

    public void wake() {
        if (!open) {
            return;
        }
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            thread.execute(this::run);
        }
    }

    private void run() {
        try {
            while (wanted.getAndSet(false)) {
                while (pass.getAsBoolean()) {
                    // a backlog: keep going
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s pass failed, work stays pending for the next wake: %s", name, e.getMessage());
        } finally {
            running.set(false);
        }
        // A wake that came between the last check and the reset above must not be lost.
        if (wanted.get() && open && running.compareAndSet(false, true)) {
            thread.execute(this::run);
        }
    }

    @Override
    public void close() {
        open = false;
        thread.shutdownNow();
    }
}
