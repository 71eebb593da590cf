package club.twinning.exchange.domain;

import club.twinning.platform.state.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/**
 * PLANNED → CONFIRMED (by the host city) → COMPLETED (with the report); PLANNED or CONFIRMED → CANCELLED. An
 * agreement that is suspended or ends flags a visit but does not move it.
 */
public enum VisitStatus implements Lifecycle<VisitStatus> {
    PLANNED, CONFIRMED, COMPLETED, CANCELLED;

    @Override
    public Set<VisitStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(VisitStatus.class);
        };
    }
}
