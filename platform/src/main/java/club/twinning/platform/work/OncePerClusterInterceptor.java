package club.twinning.platform.work;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

/**
 * Runs an {@link OncePerCluster} job only while its transaction holds the job's {@link ClusterLock}. Inside
 * {@code @Transactional} (a higher priority runs later), so a transactional job's lock lives exactly as long as
 * its work; a job without a transaction gets one around it.
 */
@OncePerCluster
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class OncePerClusterInterceptor {

    private static final Logger LOG = Logger.getLogger(OncePerClusterInterceptor.class);

    @Inject
    ClusterLock lock;
    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object once(InvocationContext call) throws Exception {
        if (inTransaction()) {
            return holdAndRun(call);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> holdAndRun(call));
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Object holdAndRun(InvocationContext call) throws Exception {
        String job = name(call);
        if (!lock.tryHold(job)) {
            LOG.debugf("%s skipped: another replica is running it", job);
            return skipped(call.getMethod().getReturnType());
        }
        return call.proceed();
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() == Status.STATUS_ACTIVE;
    }

    private static String name(InvocationContext call) {
        OncePerCluster binding = call.getMethod().getAnnotation(OncePerCluster.class);
        if (binding == null) {
            binding = call.getMethod().getDeclaringClass().getAnnotation(OncePerCluster.class);
        }
        return binding != null && !binding.value().isEmpty() ? binding.value() : call.getMethod().getDeclaringClass().getName();
    }

    private static Object skipped(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
