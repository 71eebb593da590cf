package club.twinning.platform.state;

import java.util.Set;

/** A status enum that carries its own transition table: the statuses each one may become next. */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    Set<S> next();

    default boolean canBecome(S target) {
        return next().contains(target);
    }

    default boolean isFinal() {
        return next().isEmpty();
    }
}
