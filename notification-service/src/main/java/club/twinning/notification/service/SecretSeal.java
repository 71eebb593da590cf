package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook secrets at rest with AES-GCM under the configured key: {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>},
 * the contact's id as associated data (a sealed secret copied onto another contact's row does not open). Without a
 * key the service does not start: a database dump alone must not let anyone sign as us.
 */
@ApplicationScoped
public class SecretSeal {

    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @jakarta.inject.Inject
    SecretSeal(NotificationConfig config) {
        this(config.secretKey());
    }

    SecretSeal(java.util.Optional<String> configured) {
        String encoded = configured.filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "twinning.notification.secret-key is not set: webhook secrets cannot be sealed (give a base64 AES key of 32 bytes)"));
        byte[] bytes = Base64.getDecoder().decode(encoded.trim());
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("twinning.notification.secret-key must be 16, 24 or 32 bytes (base64), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(UUID contactId, String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, contactId, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    public String open(UUID contactId, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown seal format for the webhook secret of contact " + contactId);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, contactId, nonce);
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret of contact " + contactId + " does not open with this key", e);
        }
    }

    private Cipher cipher(int mode, UUID contactId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(contactId.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
