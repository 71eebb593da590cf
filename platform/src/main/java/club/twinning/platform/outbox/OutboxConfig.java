package club.twinning.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "twinning.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service publishes. */
    String source();

    /** How many events one relay pass locks and publishes at most. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it gives the rows back. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How often the relay looks for committed rows, in the scheduler's syntax ("1s", "5s"; one second at least). */
    @WithDefault("1s")
    String interval();

    /** Relayed rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
