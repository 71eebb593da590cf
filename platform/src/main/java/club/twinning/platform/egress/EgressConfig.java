package club.twinning.platform.egress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where a service may send partners' traffic (webhooks): https to public addresses unless an operator says more. */
@ConfigMapping(prefix = "twinning.egress")
public interface EgressConfig {

    /** Plain {@code http://} endpoints (the local profile's demo receivers); https only when false. */
    @WithDefault("false")
    boolean allowHttp();

    /** Ranges an operator allows although they are not public (CIDR, e.g. {@code 127.0.0.1/32} for the demo). */
    Optional<List<String>> allowedRanges();
}
