package club.twinning.platform.egress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where partners' traffic may go: {@code https} (plain http only where configured, locally), and only to public
 * addresses. Private, loopback, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local,
 * IPv4-mapped, multicast and reserved ranges are refused unless an operator allows a range.
 * <p>
 * Two checks: {@link #refusal} on save reads the URL as written and resolves no name (a lookup would tell a partner
 * which inside names exist, by its answer or its time, and a name may re-resolve anyway); {@link #resolve} right
 * before sending checks every address the name has, and the sender connects to the address checked.
 */
@ApplicationScoped
public class EgressRules {

    /** Why a URL is refused: a category a partner may read, and a reason for the logs and the partner's form. */
    public enum Category {
        MALFORMED("malformed-url"), SCHEME("scheme-not-allowed"), ADDRESS("address-not-allowed");

        public final String code;

        Category(String code) {
            this.code = code;
        }
    }

    /** Refused before any connection is tried. */
    public static final class Refused extends Exception {
        private final Category category;

        public Refused(Category category, String reason) {
            super(reason);
            this.category = category;
        }

        public Category category() {
            return category;
        }
    }

    /** Where to connect: the URL's host (for Host and TLS SNI) and the address checked. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    private static final List<AddressRange> FORBIDDEN = Arrays.stream(new String[] {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"}).map(AddressRange::parse).toList();

    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final boolean allowHttp;
    private final List<AddressRange> allowed;

    @Inject
    EgressRules(EgressConfig config) {
        this(config.allowHttp(), config.allowedRanges().orElse(List.of()));
    }

    public EgressRules(boolean allowHttp, List<String> allowedRanges) {
        this.allowHttp = allowHttp;
        this.allowed = allowedRanges.stream().map(String::trim).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList();
    }

    /** The URL as written, resolving no name: for a check on save. Empty when acceptable. */
    public Optional<Refused> refusal(String url) {
        try {
            Parsed parsed = parse(url);
            if (parsed.host.contains(":") || DOTTED_QUAD.matcher(parsed.host).matches()) {
                check(InetAddress.getByName(parsed.host)); // a literal: parsed, never looked up
            } else if (parsed.host.matches("[0-9.]+|0x[0-9a-f.x]+")) {
                // 127.1, 2130706433, 0x7f.0.0.1: each resolver reads these differently, so none is taken.
                throw new Refused(Category.MALFORMED, "not an address: " + parsed.host);
            } else if (parsed.host.equals("localhost") || parsed.host.endsWith(".localhost")) {
                check(InetAddress.getLoopbackAddress());
            }
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e);
        } catch (UnknownHostException e) {
            return Optional.of(new Refused(Category.MALFORMED, "not an address: " + e.getMessage()));
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

    public void check(InetAddress address) throws Refused {
        for (AddressRange range : allowed) {
            if (range.contains(address)) {
                return;
            }
        }
        for (AddressRange range : FORBIDDEN) {
            if (range.contains(address)) {
                throw new Refused(Category.ADDRESS, address.getHostAddress() + " is in " + range + " (not public)");
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
            throw new Refused(Category.MALFORMED, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(Category.SCHEME, allowHttp ? "only http and https" : "only https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused(Category.MALFORMED, "no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused(Category.MALFORMED, "credentials in the URL");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        return new Parsed(uri, host, port, https);
    }

}
