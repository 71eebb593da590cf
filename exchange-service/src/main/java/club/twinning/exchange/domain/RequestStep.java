package club.twinning.exchange.domain;

import club.twinning.platform.state.StatusStepRecord;
import club.twinning.platform.state.Step;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.UUID;

/** One step of a request's workflow: who, when, why, from which status to which (the columns come from platform). */
@Entity
public class RequestStep extends StatusStepRecord<RequestStatus> {

    public UUID requestId;

    public static RequestStep of(UUID requestId, Step<RequestStatus> step) {
        RequestStep row = new RequestStep();
        row.log(step);
        row.requestId = requestId;
        return row;
    }

    /** The request's log, oldest first. */
    public static List<RequestStep> logOf(UUID requestId) {
        return list("requestId = ?1 order by at", requestId);
    }
}
