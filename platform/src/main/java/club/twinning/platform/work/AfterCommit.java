package club.twinning.platform.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes a {@link Drain} once the current transaction has committed: what the transaction wrote is then
 * visible to the drain's own transaction. Registered once per transaction and drain, however many rows.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void wake(Drain drain) {
        if (transactions.getResource(drain) != null) {
            return;
        }
        transactions.putResource(drain, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    drain.wake();
                }
            }
        });
    }
}
