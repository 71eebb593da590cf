package club.twinning.platform.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A lock that one transaction in the whole cluster holds at a time: a PostgreSQL advisory lock on the service's
 * database, keyed by a hash of the name. Transaction-scoped on purpose: behind PgBouncer in transaction mode a
 * session lock could stay on a server connection that another client then gets; a transaction's lock is
 * released when it ends, commit, rollback or a dead pod's connection alike.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClusterLock {

    private final EntityManager em;

    public ClusterLock(EntityManager em) {
        this.em = em;
    }

    /** True when the current transaction now holds the lock (or already did); false, at once, when another does. */
    public boolean tryHold(String name) {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, key(name)).getSingleResult();
    }

    /** The same 64 bits for the same name in every JVM (String.hashCode would give only 32). */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
