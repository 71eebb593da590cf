package club.twinning.exchange.domain;

/** PLANNED → CONFIRMED (by the host city) → COMPLETED (with the report); PLANNED or CONFIRMED → CANCELLED. */
public enum VisitStatus {
    PLANNED, CONFIRMED, COMPLETED, CANCELLED
}
