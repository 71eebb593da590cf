package club.twinning.notification.domain;

/** PENDING → SENT, or RETRYING (backoff) → SENT | FAILED; DIGEST waits for the contact's daily digest. */
public enum DeliveryStatus {
    PENDING, RETRYING, SENT, FAILED, DIGEST
}
