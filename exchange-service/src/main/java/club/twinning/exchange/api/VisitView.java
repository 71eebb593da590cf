package club.twinning.exchange.api;

import club.twinning.exchange.domain.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A visit; {@code flaggedAt} is set while its agreement is not in force (both cities and the council must look), and
 * {@code flag} carries the registry's words for the change, if it gave any.
 */
public record VisitView(UUID id, UUID requestId, String hostParty, String visitingParty, LocalDate startDate,
                        LocalDate endDate, String status, String domain, List<Visit.Delegate> delegation,
                        List<Visit.AgendaItem> agenda, String logistics, Visit.Report report, String cancelReason,
                        String flag, Instant flaggedAt, long version) {

    public static VisitView of(Visit v) {
        return new VisitView(v.id, v.requestId, v.hostParty, v.visitingParty, v.startDate, v.endDate, v.status.name(),
                v.domain, List.copyOf(v.delegation), List.copyOf(v.agenda), v.logistics, v.report, v.cancelReason,
                v.flag, v.flaggedAt, v.version);
    }
}
