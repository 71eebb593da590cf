package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import club.twinning.platform.egress.EgressRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may go: platform's {@link EgressRules} (https, public addresses only, operator-allowed ranges),
 * configured by {@code twinning.notification.webhook.*}; checked on the URL as written and again on every address
 * its name resolves to right before sending (the exchange then connects to the address checked, so a name that
 * re-resolves to an inside address gets nowhere).
 */
@ApplicationScoped
public class EgressPolicy {

    /** Refused before any connection is tried; the reason is for ops' logs, the partner sees {@code refused-address}. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** Where to connect: the URL's host (for Host and TLS SNI) and the address checked. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
        /** The endpoint a concurrency limit and a breaker are kept for. */
        public String endpoint() {
            return host + ":" + port;
        }

        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private final EgressRules rules;

    @jakarta.inject.Inject
    EgressPolicy(NotificationConfig config) {
        this(config.webhook().allowHttp(), config.webhook().allowedRanges().orElse(List.of()));
    }

    EgressPolicy(boolean allowHttp, List<String> allowedRanges) {
        this.rules = new EgressRules(allowHttp, allowedRanges);
    }

    /** The URL as written (no name resolution): for a check on save. Empty when acceptable. */
    public Optional<String> refusal(String url) {
        return rules.refusal(url).map(Throwable::getMessage);
    }

    /** Resolves the URL's host (blocking) and checks every address it has; the first is the one to connect to. */
    public Target resolve(String url) throws Refused, UnknownHostException {
        try {
            EgressRules.Target t = rules.resolve(url);
            return new Target(t.uri(), t.host(), t.port(), t.https(), t.address());
        } catch (EgressRules.Refused e) {
            throw new Refused(e.getMessage());
        }
    }
}
