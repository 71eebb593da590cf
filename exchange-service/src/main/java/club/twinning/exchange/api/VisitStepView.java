package club.twinning.exchange.api;

import club.twinning.exchange.domain.VisitStep;
import java.time.Instant;

/** One step of a visit's log: {@code from} is null for its planning. */
public record VisitStepView(String from, String to, String actor, String reason, Instant at) {

    public static VisitStepView of(VisitStep s) {
        return new VisitStepView(s.from == null ? null : s.from.name(), s.to.name(), s.actor, s.reason, s.at);
    }
}
