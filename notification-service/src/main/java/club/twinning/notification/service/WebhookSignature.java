package club.twinning.notification.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header a receiver checks: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * The timestamp inside the signed text lets receivers refuse replays of old deliveries. While a rotated-out secret is
 * in its grace period a second {@code v1=} signs with it (as Stripe does): a receiver accepts either.
 */
public final class WebhookSignature {

    public static final String HEADER = "Twinning-Signature";

    private WebhookSignature() {
    }

    public static String of(String secret, long timestamp, String body) {
        return of(java.util.List.of(secret), timestamp, body);
    }

    /** {@code secrets}: the current one first. */
    public static String of(java.util.List<String> secrets, long timestamp, String body) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        String signed = timestamp + "." + body;
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, signed));
        }
        return header.toString();
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
