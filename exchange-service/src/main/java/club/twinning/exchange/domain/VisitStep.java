package club.twinning.exchange.domain;

import club.twinning.platform.state.Step;
import club.twinning.platform.state.StepRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** One step of a visit: planned, confirmed, completed or cancelled, by whom, when, why. */
@Entity
public class VisitStep extends StepRecord {

    public UUID visitId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public VisitStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public VisitStatus to;

    public static VisitStep of(UUID visitId, Step<VisitStatus> step) {
        VisitStep row = new VisitStep();
        row.record(step);
        row.visitId = visitId;
        row.from = step.from();
        row.to = step.to();
        return row;
    }

    /** The visit's log, oldest first; steps at the same instant (a stopped test clock) in the order of the table. */
    public static List<VisitStep> logOf(UUID visitId) {
        return VisitStep.<VisitStep>list("visitId", visitId).stream()
                .sorted(Comparator.comparing((VisitStep s) -> s.at)
                        .thenComparing(s -> s.from, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }
}
