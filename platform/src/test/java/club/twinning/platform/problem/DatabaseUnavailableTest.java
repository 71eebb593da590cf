package club.twinning.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A database going away is a 503 wherever its error sits: in the causes, or suppressed by a failed commit. */
@Tag("unit")
class DatabaseUnavailableTest {

    private static final SQLException SHUTDOWN = new SQLException("FATAL: terminating connection due to administrator command",
            "57P01");

    @Test
    void aShutdownInTheCausesIsUnavailable() {
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(new IllegalStateException(SHUTDOWN))));
    }

    @Test
    void aCommitCutByTheShutdownIsUnavailable() {
        // What Narayana throws (seen in CI's PostgreSQL drill): RollbackException "could not commit", the PostgreSQL
        // error only the cause of a suppressed XAException.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new Exception("Error trying to transactionCommit local transaction", SHUTDOWN));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void anyOtherFailureIsNot() {
        Exception rollback = new Exception("could not commit");
        rollback.addSuppressed(new IllegalStateException("a bug"));
        assertFalse(ProblemMappers.databaseUnavailable(new RuntimeException(rollback)));
        assertFalse(ProblemMappers.databaseUnavailable(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }
}
