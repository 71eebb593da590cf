package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may go: {@code https} (plain http only where configured, locally), and only to public addresses,
 * checked on the URL as written and again on every address its name resolves to right before sending (the exchange
 * then connects to the address checked, so a name that re-resolves to an inside address gets nowhere). Private,
 * loopback, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast and reserved
 * ranges are refused unless an operator allows a range ({@code twinning.notification.webhook.allowed-ranges}).
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

    private static final List<Cidr> FORBIDDEN = ranges(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private final boolean allowHttp;
    private final List<Cidr> allowed;

    @jakarta.inject.Inject
    EgressPolicy(NotificationConfig config) {
        this(config.webhook().allowHttp(), config.webhook().allowedRanges().orElse(List.of()));
    }

    EgressPolicy(boolean allowHttp, List<String> allowedRanges) {
        this.allowHttp = allowHttp;
        this.allowed = allowedRanges.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /** The URL as written (no name resolution): for a check on save. Empty when acceptable. */
    public Optional<String> refusal(String url) {
        try {
            Parsed parsed = parse(url);
            if (isLiteral(parsed.host)) {
                check(InetAddress.getByName(parsed.host));
            } else if (parsed.host.equals("localhost") || parsed.host.endsWith(".localhost")) {
                check(InetAddress.getLoopbackAddress());
            }
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.of("not an address: " + e.getMessage());
        }
    }

    /** Resolves the URL's host (blocking) and checks every address it has; the first is the one to connect to. */
    public Target resolve(String url) throws Refused, UnknownHostException {
        Parsed parsed = parse(url);
        InetAddress[] addresses = InetAddress.getAllByName(parsed.host);
        for (InetAddress address : addresses) {
            check(address);
        }
        return new Target(parsed.uri, parsed.host, parsed.port, parsed.https, addresses[0]);
    }

    void check(InetAddress address) throws Refused {
        for (Cidr range : allowed) {
            if (range.contains(address)) {
                return;
            }
        }
        for (Cidr range : FORBIDDEN) {
            if (range.contains(address)) {
                throw new Refused(address.getHostAddress() + " is in " + range + " (not public)");
            }
        }
        // IPv4-mapped IPv6 addresses arrive as IPv4 (the JDK converts them); NAT64, 6to4 and Teredo, which carry an
        // IPv4 address, are refused whole above.
    }

    private record Parsed(URI uri, String host, int port, boolean https) {
    }

    private Parsed parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "only http and https" : "only https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("credentials in the URL");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        return new Parsed(uri, host, port, https);
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+") || host.matches("0x[0-9a-f.x]+");
    }

    /** An address range. */
    record Cidr(byte[] network, int bits, String text) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
                return new Cidr(network, bits, text);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address range: " + text);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(bytes.length * 8 - bits);
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.bits == bits && Arrays.equals(c.network, network);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(network) * 31 + bits;
        }
    }

    private static List<Cidr> ranges(String... ranges) {
        return Arrays.stream(ranges).map(Cidr::parse).toList();
    }
}
