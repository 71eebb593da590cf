package club.twinning.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Who else hears, and how hard we try. */
@ConfigMapping(prefix = "twinning.notification")
public interface NotificationConfig {

    /** The secretariat's address: escalations, renewals due and dormant twinnings reach it. */
    @WithDefault("secretariat@twinning.example.org")
    String secretariatEmail();

    /** Tries before a delivery is FAILED and recorded on the dead-letter topic. */
    @WithDefault("15")
    int maxAttempts();

    /** The first retry waits this long; each next one twice as long (with jitter), up to maxBackoff. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    @WithDefault("PT45S")
    Duration maxBackoff();

    /** Deliveries sent at the same time (each in its own transaction, holding its row's lock). */
    @WithDefault("8")
    int concurrency();

    /** Deliveries each sender sends per round. */
    @WithDefault("20")
    int batchSize();

    @WithDefault("PT5S")
    Duration webhookTimeout();

    /** The longest one email may take to be accepted by the SMTP server. */
    @WithDefault("PT20S")
    Duration mailTimeout();

    /** How often the sender looks for due deliveries (read by its {@code @Scheduled}). */
    @WithDefault("1s")
    String sendInterval();

    /** How often the digest job looks for due digests; {@code off} stops it (tests call it themselves). */
    @WithDefault("1m")
    String digestInterval();
}
