package club.twinning.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens (calendar feed addresses, webhook secrets): 32 random bytes, base64url without padding. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** 43 characters of [A-Za-z0-9_-], 256 bits. */
    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
