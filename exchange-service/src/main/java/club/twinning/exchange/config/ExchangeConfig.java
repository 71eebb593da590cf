package club.twinning.exchange.config;

import club.twinning.platform.config.BaseUrl;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The council's policy, the watchers' thresholds, and where the portal is. */
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

    /**
     * The portal's public base URL, without trailing slashes: private calendar feeds are served under it and their
     * events link to it.
     */
    @WithDefault("http://127.0.0.1:8080")
    @WithConverter(BaseUrl.class)
    String portalUrl();

    /** When the watchers run (escalations, dormant relationships). */
    @WithDefault("0 0 * * * ?")
    String watchCron();
}
