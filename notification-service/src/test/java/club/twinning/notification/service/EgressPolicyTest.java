package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What this service adds to platform's egress rules (tested there, address by address): the reason in words for a
 * refusal on save, its own Refused at sending time, and the endpoint and path a send uses.
 */
@Tag("unit")
class EgressPolicyTest {

    private final EgressPolicy prod = new EgressPolicy(false, List.of());

    @Test
    void aRefusalOnSaveIsTheRulesReasonInWords() {
        assertThat(prod.refusal("https://partner.example.org/hooks")).isEmpty();
        assertThat(prod.refusal("http://partner.example.org/hooks")).contains("only https");
        assertThat(prod.refusal("https://169.254.169.254/latest/meta-data")).get().asString().contains("169.254.169.254");
    }

    @Test
    void anInsideAddressAtSendingTimeIsThisServicesRefusal() {
        // "localhost" resolves to loopback: refused in production after resolution, whatever the URL says.
        assertThatThrownBy(() -> prod.resolve("https://localhost/hook")).isInstanceOf(EgressPolicy.Refused.class)
                .hasMessageContaining("not public");
    }

    @Test
    void theTargetNamesTheEndpointItsGateAndBreakerAreKeptFor() throws Exception {
        EgressPolicy local = new EgressPolicy(true, List.of("127.0.0.1/32"));
        EgressPolicy.Target target = local.resolve("http://127.0.0.1:8099/hook?x=1");
        assertThat(target.endpoint()).isEqualTo("127.0.0.1:8099");
        assertThat(target.pathAndQuery()).isEqualTo("/hook?x=1");
        assertThat(target.https()).isFalse();
        assertThat(target.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(local.resolve("http://127.0.0.1:8099").pathAndQuery()).isEqualTo("/");
        EgressPolicy.Target secure = prod.resolve("https://93.184.216.34/hooks/twinning");
        assertThat(secure.endpoint()).isEqualTo("93.184.216.34:443");
        assertThat(secure.https()).isTrue();
        assertThat(local.refusal("http://127.0.0.2:8099/hook")).as("only the operator's range").isPresent();
    }
}
