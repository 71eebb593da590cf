package club.twinning.platform.state;

import java.time.Instant;

/** One move of a state machine, as its step log keeps it: from (null for the first), to, who, why, when. */
public record Step<S extends Enum<S> & Lifecycle<S>>(S from, S to, String actor, String reason, Instant at) {
}
