package club.twinning.exchange;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Every SQL statement Hibernate sends (native ones included) and every transaction begun, with the thread that did
 * it: a test counts the database round trips and commits of one HTTP call. Test-only.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class SqlTrace implements StatementInspector {

    public record Entry(String thread, long at, String sql) {
    }

    public static final String BEGIN = "-- transaction begun";
    public static final String END = "-- transaction ended";

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    @Override
    public String inspect(String sql) {
        entries.add(new Entry(Thread.currentThread().getName(), System.nanoTime(), sql));
        return sql;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        entries.add(new Entry(Thread.currentThread().getName(), System.nanoTime(), BEGIN));
    }

    void ended(@Observes @Destroyed(TransactionScoped.class) Object transaction) {
        entries.add(new Entry(Thread.currentThread().getName(), System.nanoTime(), END));
    }

    public void clear() {
        entries.clear();
    }

    /** What the thread that wrote {@code marker} did (statements and transactions), in order. */
    public List<Entry> ofThreadThat(String marker) {
        String thread = entries.stream().filter(e -> e.sql().toLowerCase().contains(marker)).map(Entry::thread)
                .findFirst().orElseThrow(() -> new AssertionError("no statement contains " + marker + ": " + entries));
        return entries.stream().filter(e -> e.thread().equals(thread)).toList();
    }
}
