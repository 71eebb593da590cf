package club.twinning.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A visit was planned, confirmed, cancelled (with reason) or completed (with a report summary). {@code delegation} and
 * {@code agenda} came later (minor, additive): null from a producer that did not send them yet.
 */
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
        long version,
        List<Delegate> delegation,
        List<AgendaItem> agenda) {

    /** The visit as it was before delegation and agenda were published. */
    public VisitChanged(UUID visitId, UUID requestId, String hostParty, String visitingParty, LocalDate startDate,
                        LocalDate endDate, String status, String actor, String reason, String reportSummary, Instant at,
                        long version) {
        this(visitId, requestId, hostParty, visitingParty, startDate, endDate, status, actor, reason, reportSummary, at,
                version, null, null);
    }

    /** A member of the visiting delegation: a name and a role as the visiting city typed them (no address). */
    public record Delegate(String name, String role) {
    }

    /** One slot of the programme, as the cities typed it. */
    public record AgendaItem(LocalDate day, String time, String topic, String place) {
    }
}
