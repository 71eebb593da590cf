package club.twinning.platform.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.egress.EgressRules.Category;
import club.twinning.platform.egress.EgressRules.Refused;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address rules alone, without Quarkus: production refuses every inside range, an operator may allow one. */
@Tag("unit")
class EgressRulesTest {

    private final EgressRules prod = new EgressRules(false, List.of());

    @Test
    void insideAddressesAreRefusedInProduction() throws Exception {
        for (String inside : List.of("169.254.169.254", "127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1",
                "fd00:ec2::254", "fe80::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:a00:1::1")) {
            InetAddress address = InetAddress.getByName(inside);
            assertEquals(Category.ADDRESS, assertThrows(Refused.class, () -> prod.check(address), inside).category(), inside);
        }
        prod.check(InetAddress.getByName("93.184.216.34"));
        prod.check(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"));
    }

    @Test
    void urlsAreCheckedAsWritten() {
        assertTrue(prod.refusal("https://partner.example.org/hooks").isEmpty());
        assertEquals("only https", prod.refusal("http://partner.example.org/hooks").orElseThrow().getMessage());
        assertTrue(prod.refusal("https://169.254.169.254/latest/meta-data").orElseThrow().getMessage().contains("169.254.169.254"));
        assertTrue(prod.refusal("not a url").isPresent());
    }

    @ParameterizedTest
    @CsvSource({
            "http://partner.example.org/hooks, SCHEME",
            "ftp://partner.example.org/, SCHEME",
            "https://169.254.169.254/latest/meta-data, ADDRESS",
            "https://[::1]:8443/hook, ADDRESS",
            "https://[::ffff:a9fe:a9fe]/hook, ADDRESS",
            "https://[fd00::1]/hook, ADDRESS",
            "https://100.64.0.1/hook, ADDRESS",
            "https://localhost/hook, ADDRESS",
            // Spellings of an address that resolvers read differently are refused as malformed, not guessed at.
            "https://127.1/hook, MALFORMED",
            "https://2130706433/hook, MALFORMED",
            "https://0x7f.0.0.1/hook, MALFORMED",
            "https://0177.0.0.1/hook, MALFORMED",
            "https://user:pw@partner.example.org/, MALFORMED"})
    void aRefusedUrlHasItsCategory(String url, Category expected) {
        assertEquals(expected, prod.refusal(url).orElseThrow().category());
    }

    @Test
    void anOperatorMayAllowARangeAndPlainHttpLocally() throws Exception {
        EgressRules local = new EgressRules(true, List.of("127.0.0.1/32", " "));
        assertTrue(local.refusal("http://127.0.0.1:8099/hook").isEmpty());
        assertTrue(local.refusal("http://localhost:8099/hook").isEmpty());
        assertTrue(local.refusal("http://127.0.0.2:8099/hook").isPresent());
        assertTrue(local.refusal("http://10.0.0.1/hook").isPresent());
        assertEquals("127.0.0.1", local.resolve("http://127.0.0.1:8099/hook").address().getHostAddress());
        assertThrows(IllegalArgumentException.class, () -> new EgressRules(false, List.of("10.0.0.0/33")));
    }

    @Test
    void sendingTimeResolutionChecksEveryAddressOfTheName() {
        assertThrows(Refused.class, () -> prod.resolve("https://localhost/hook"));
    }
}
