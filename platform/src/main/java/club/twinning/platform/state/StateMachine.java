package club.twinning.platform.state;

import club.twinning.platform.problem.ProblemException;
import java.time.Clock;
import java.util.List;

/**
 * The one way a thing changes status in every service (agreements, requests, visits): the status's transition table
 * decides, a refused move is a 409 naming the allowed next statuses, and an accepted one yields the {@link Step} for
 * the thing's step log. Each service keeps the log in its own table; the rule lives here.
 */
public final class StateMachine<S extends Enum<S> & Lifecycle<S>> {

    private final String subject;
    private final String problemSlug;
    private final Clock clock;

    /**
     * @param subject what moves, as a reader says it ("an agreement", "a request", "a visit")
     * @param problemSlug the problem type of a refused move (kept per service: clients already match on it)
     */
    public StateMachine(String subject, String problemSlug, Clock clock) {
        this.subject = subject;
        this.problemSlug = problemSlug;
        this.clock = clock;
    }

    /** The first step of a new thing. */
    public Step<S> start(S initial, String actor) {
        return new Step<>(null, initial, actor, null, clock.instant());
    }

    /** The step from {@code from} to {@code to}, or a 409 if the table does not allow it. */
    public Step<S> move(S from, S to, String actor, String reason) {
        check(from, to);
        return new Step<>(from, to, actor, reason, clock.instant());
    }

    /** A 409 naming the possible next statuses unless {@code from} may become {@code to}. */
    public void check(S from, S to) {
        if (from.canBecome(to)) {
            return;
        }
        List<String> allowed = from.next().stream().map(Enum::name).sorted().toList();
        throw new ProblemException(409, problemSlug, "Step not allowed",
                subject + " " + from + " cannot become " + to
                        + (allowed.isEmpty() ? "; it is final" : "; allowed next: " + String.join(", ", allowed)))
                .with("from", from.name()).with("to", to.name()).with("allowed", allowed);
    }
}
