package club.twinning.exchange.domain;

import club.twinning.platform.state.StatusStepRecord;
import club.twinning.platform.state.Step;
import jakarta.persistence.Entity;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** One step of a visit: planned, confirmed, completed or cancelled, by whom, when, why. */
@Entity
public class VisitStep extends StatusStepRecord<VisitStatus> {

    public UUID visitId;

    public static VisitStep of(UUID visitId, Step<VisitStatus> step) {
        VisitStep row = new VisitStep();
        row.log(step);
        row.visitId = visitId;
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
