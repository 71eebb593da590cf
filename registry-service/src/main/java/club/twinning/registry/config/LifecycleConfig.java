package club.twinning.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily lifecycle job. */
@ConfigMapping(prefix = "twinning.lifecycle")
public interface LifecycleConfig {

    /** When the job runs (Quartz-style cron, server time). */
    @WithDefault("0 15 2 * * ?")
    String cron();

    /** Days of notice before expiry when an agreement sets none. */
    @WithDefault("90")
    int defaultNoticeDays();
}
