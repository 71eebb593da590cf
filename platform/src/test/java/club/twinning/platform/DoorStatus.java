package club.twinning.platform;

import club.twinning.platform.state.Lifecycle;
import java.util.Set;

/** A status for the test application's step log (DoorStep). */
public enum DoorStatus implements Lifecycle<DoorStatus> {
    OPEN, SHUT;

    @Override
    public Set<DoorStatus> next() {
        return this == OPEN ? Set.of(SHUT) : Set.of(OPEN);
    }
}
