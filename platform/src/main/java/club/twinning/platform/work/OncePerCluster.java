package club.twinning.platform.work;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scheduled work that must run on one replica at a time: a call made while another replica (or thread) runs
 * the same job is skipped, not queued and not an error. The job holds a {@link ClusterLock} for its transaction
 * (the caller's, or one begun for it). A skipped call returns 0, false or null.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OncePerCluster {

    /** The job's name, which every replica must spell the same; by default the declaring class's name. */
    @Nonbinding
    String value() default "";
}
