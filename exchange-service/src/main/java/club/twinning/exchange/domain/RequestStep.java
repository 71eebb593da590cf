package club.twinning.exchange.domain;

import club.twinning.platform.state.Step;
import club.twinning.platform.state.StepRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import java.util.UUID;

/** One step of a request's workflow: who, when, why (the columns every step log has come from StepRecord). */
@Entity
public class RequestStep extends StepRecord {

    public UUID requestId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public RequestStatus to;

    public static RequestStep of(UUID requestId, Step<RequestStatus> step) {
        RequestStep row = new RequestStep();
        row.record(step);
        row.requestId = requestId;
        row.from = step.from();
        row.to = step.to();
        return row;
    }

    /** The request's log, oldest first. */
    public static List<RequestStep> logOf(UUID requestId) {
        return list("requestId = ?1 order by at", requestId);
    }
}
