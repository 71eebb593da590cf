package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which addresses a webhook may reach: production (https, public only) and an operator's allowed range. */
class EgressPolicyTest {

    private final EgressPolicy prod = new EgressPolicy(false, List.of());

    @Test
    void insideAddressesAreRefusedInProduction() throws Exception {
        for (String inside : List.of("169.254.169.254", "127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1",
                "fd00:ec2::254", "fe80::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:a00:1::1")) {
            assertThatThrownBy(() -> prod.check(InetAddress.getByName(inside)), inside).isInstanceOf(EgressPolicy.Refused.class);
        }
        prod.check(InetAddress.getByName("93.184.216.34"));
        prod.check(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"));
    }

    @Test
    void urlsAreCheckedAsWrittenOnSave() {
        assertThat(prod.refusal("https://partner.example.org/hooks")).isEmpty();
        assertThat(prod.refusal("http://partner.example.org/hooks")).contains("only https");
        assertThat(prod.refusal("https://169.254.169.254/latest/meta-data")).get().asString().contains("169.254.169.254");
        assertThat(prod.refusal("https://[::1]:8443/hook")).isPresent();
        assertThat(prod.refusal("https://localhost/hook")).isPresent();
        assertThat(prod.refusal("https://user:pw@partner.example.org/")).isPresent();
        assertThat(prod.refusal("ftp://partner.example.org/")).isPresent();
        assertThat(prod.refusal("not a url")).isPresent();
    }

    @Test
    void anOperatorMayAllowARangeAndPlainHttpLocally() throws Exception {
        EgressPolicy local = new EgressPolicy(true, List.of("127.0.0.1/32"));
        assertThat(local.refusal("http://127.0.0.1:8099/hook")).isEmpty();
        assertThat(local.refusal("http://127.0.0.2:8099/hook")).isPresent();
        assertThat(local.refusal("http://10.0.0.1/hook")).isPresent();
        assertThat(local.resolve("http://127.0.0.1:8099/hook").address().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void sendingTimeResolutionChecksEveryAddressOfTheName() {
        // "localhost" resolves to loopback: refused in production after resolution, whatever the URL says.
        assertThatThrownBy(() -> prod.resolve("https://localhost/hook")).isInstanceOf(EgressPolicy.Refused.class);
    }
}
