package club.twinning.exchange.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The council's policy and the watchers' thresholds. */
@ConfigMapping(prefix = "twinning.exchange")
public interface ExchangeConfig {

    /** Distinct council members who must have voted before a request is decided. */
    @WithDefault("2")
    int quorum();

    /** Days without a decision after which a request is escalated (once). */
    @WithDefault("14")
    int escalationDays();

    /** Days without a completed visit after which a twinning counts as dormant. */
    @WithDefault("365")
    int dormantAfterDays();

    /** When the watchers run (escalations, dormant relationships). */
    @WithDefault("0 0 * * * ?")
    String watchCron();
}
