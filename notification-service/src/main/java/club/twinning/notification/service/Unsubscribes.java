package club.twinning.notification.service;

import club.twinning.events.EventType;
import club.twinning.notification.config.MailConfig;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe (RFC 8058) without login: a link carries a token naming a contact and an event type, signed
 * with HMAC-SHA256 under the service's key, so only this service can make one and nobody can turn off another's
 * notifications. The token does not expire: an old email's link still works, as mail clients expect.
 */
@ApplicationScoped
public class Unsubscribes {

    /** What a token turns off: one event type, or (type null) the contact's daily digest of them. */
    public record Target(UUID contactId, EventType type) {
        /** The event type, or {@link #DIGEST}: what the unsubscribe page names. */
        public String kind() {
            return type == null ? DIGEST : type.type();
        }
    }

    /** A digest's token names this instead of an event type. */
    public static final String DIGEST = "digest";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final MailConfig config;
    /** This service's one-click address, a token short. */
    private final String unsubscribeUrl;
    /** Keyed once, then cloned per token: every email of a contact carries one, and making a Mac is not cheap. */
    private volatile Mac keyed;

    Unsubscribes(MailConfig config) {
        this.config = config;
        this.unsubscribeUrl = config.publicUrl() + "/unsubscribe?token=";
    }

    public String token(UUID contactId, EventType type) {
        return token(contactId, type.type());
    }

    private String token(UUID contactId, String kind) {
        byte[] payload = (contactId + " " + kind).getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /** The one-click URL for the List-Unsubscribe header (POST) and the footer link (GET, which asks first). */
    public String url(UUID contactId, EventType type) {
        return unsubscribeUrl + token(contactId, type);
    }

    /** The same for a daily digest: it turns the contact's emails off (its webhooks go on). */
    public String digestUrl(UUID contactId) {
        return unsubscribeUrl + token(contactId, DIGEST);
    }

    /** Empty when the token is malformed or its signature is not ours. */
    public Optional<Target> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
            if (!MessageDigest.isEqual(mac(payload), Base64.getUrlDecoder().decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split(" ");
            if (fields.length != 2) {
                return Optional.empty();
            }
            UUID contact = UUID.fromString(fields[0]);
            if (DIGEST.equals(fields[1])) {
                return Optional.of(new Target(contact, null));
            }
            return EventType.of(fields[1]).map(type -> new Target(contact, type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Turns the type off in the contact's preferences (an empty list means every type: it becomes every other one;
     * the preferences have no per-channel types, so its webhooks stop too). Turning off the last type turns email off
     * instead (an empty list would mean every type again), and so does a digest's token: the digest gathers every
     * optional email, and turning it off must not bring them back one by one. Returns the preference, for the caller
     * to persist.
     */
    public static ContactPreference turnOff(Target target) {
        ContactPreference preference = ContactPreference.of(target.contactId());
        if (target.type() == null) {
            preference.channels = new ArrayList<>(List.of(Delivery.WEBHOOK));
            return preference;
        }
        List<String> types = preference.eventTypes.isEmpty()
                ? new ArrayList<>(Arrays.stream(EventType.values()).map(EventType::type).toList())
                : new ArrayList<>(preference.eventTypes);
        types.remove(target.type().type());
        if (types.isEmpty()) {
            preference.channels = new ArrayList<>(List.of(Delivery.WEBHOOK));
        } else {
            preference.eventTypes = types;
        }
        return preference;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac prototype = keyed;
            if (prototype == null) {
                prototype = Mac.getInstance("HmacSHA256");
                prototype.init(new SecretKeySpec(config.unsubscribeKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                keyed = prototype; // never used itself, only cloned: threads share it safely
            }
            return ((Mac) prototype.clone()).doFinal(payload);
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
