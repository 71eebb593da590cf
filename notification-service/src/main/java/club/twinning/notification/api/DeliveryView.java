package club.twinning.notification.api;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryAttempt;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as ops and partners read it; the recipient of a webhook is its URL, never its secret. {@code contactName}:
 * the contact's name as the registry last gave it (else the name the email greeted); {@code partyName}: the party's
 * name in the language asked for (Accept-Language: fr, ar or en; French otherwise).
 */
public record DeliveryView(UUID id, String eventId, String eventType, UUID contactId, String contactName, String partyCode,
                           String partyName, String recipient,
                           String purpose, String channel, String language, String status, int attempts, Instant createdAt,
                           Instant nextAttemptAt, Instant sentAt, String lastError, List<Attempt> attemptLog) {

    public record Attempt(Instant at, String outcome, String detail) {
    }

    public static DeliveryView of(Delivery d, String contactName, String partyName, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.contactId, contactName != null ? contactName : d.recipientName,
                d.partyCode, partyName, d.recipient, d.purpose, d.channel, d.language,
                d.status.name(), d.attempts, d.createdAt, d.nextAttemptAt, d.sentAt, d.lastError,
                attempts == null ? null : attempts.stream().map(a -> new Attempt(a.at, a.outcome, a.detail)).toList());
    }
}
