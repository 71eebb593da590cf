package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Twinning-Signature header a receiver checks (vectors computed apart, with Python's hmac module). */
@Tag("unit")
class WebhookSignatureTest {

    static final String BODY = "{\"id\":\"e1\"}";
    static final String CURRENT = "454f7f9597bf74f9ee7b13eab0ac98e91665e9039d783864ee4129a0f2c9c88f";
    static final String PREVIOUS = "c8e5791f6de16f16c7c14165238c8f2c5d2ebcd782c7e373a1a6fff76ce661e1";

    @Test
    void oneSecretSignsTheTimestampAndTheBody() {
        assertThat(WebhookSignature.of("whsec_test", 1767225600L, BODY)).isEqualTo("t=1767225600,v1=" + CURRENT);
    }

    @Test
    void duringARotationBothSecretsSignTheCurrentOneFirst() {
        assertThat(WebhookSignature.of(List.of("whsec_test", "whsec_old"), 1767225600L, BODY))
                .isEqualTo("t=1767225600,v1=" + CURRENT + ",v1=" + PREVIOUS);
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        assertThat(WebhookSignature.of("whsec_test", 1767225601L, BODY)).doesNotContain(CURRENT);
        assertThat(WebhookSignature.of("whsec_test", 1767225600L, BODY + " ")).doesNotContain(CURRENT);
    }
}
