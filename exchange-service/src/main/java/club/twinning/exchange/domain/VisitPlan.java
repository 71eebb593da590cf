package club.twinning.exchange.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The command to plan a visit of an approved request: its dates, delegation, agenda and logistics. */
public record VisitPlan(UUID requestId, LocalDate startDate, LocalDate endDate, List<Visit.Delegate> delegation,
                        List<Visit.AgendaItem> agenda, String logistics) {
}
