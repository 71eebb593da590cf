package club.twinning.notification.domain;

/**
 * PENDING → SENDING (claimed, leased) → SENT, or RETRYING (backoff) → SENDING … → SENT | FAILED; DIGEST waits for the
 * contact's daily digest.
 */
public enum DeliveryStatus {
    PENDING, SENDING, RETRYING, SENT, FAILED, DIGEST
}
