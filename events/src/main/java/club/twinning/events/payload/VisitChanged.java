package club.twinning.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A visit was planned, confirmed, cancelled (with reason) or completed (with a report summary). */
public record VisitChanged(
        UUID visitId,
        UUID requestId,
        String hostParty,
        String visitingParty,
        LocalDate startDate,
        LocalDate endDate,
        String status,
        String actor,
        String reason,
        String reportSummary,
        Instant at,
        long version) {
}
