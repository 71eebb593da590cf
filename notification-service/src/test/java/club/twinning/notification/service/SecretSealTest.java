package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook secrets at rest: sealed with AES-GCM, bound to their contact; no key, no start. */
class SecretSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aSealedSecretOpensOnlyForItsContactAndShowsNothingOfItself() {
        SecretSeal seal = new SecretSeal(Optional.of(KEY));
        UUID contact = UUID.randomUUID();
        String sealed = seal.seal(contact, "whsec_abc123");
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc123");
        assertThat(seal.seal(contact, "whsec_abc123")).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(seal.open(contact, sealed)).isEqualTo("whsec_abc123");
        assertThatThrownBy(() -> seal.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        SecretSeal other = new SecretSeal(Optional.of(Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})));
        assertThatThrownBy(() -> other.open(contact, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new SecretSeal(Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twinning.notification.secret-key");
        assertThatThrownBy(() -> new SecretSeal(Optional.of(Base64.getEncoder().encodeToString(new byte[7]))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duringTheGraceBothSecretsSignTheCurrentFirst() {
        String header = WebhookSignature.of(java.util.List.of("new", "old"), 1700000000L, "{}");
        assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(header).contains("v1=" + WebhookSignature.hmac("new", "1700000000.{}") + ",v1=" + WebhookSignature.hmac("old", "1700000000.{}"));
    }
}
