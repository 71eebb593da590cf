package club.twinning.platform.replica;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one rule for a service's local copy of another service's record: events arrive late, twice or out of order,
 * so a copy takes an event's data only if the event is not older than the copy.
 */
public final class LocalCopy {

    /** A local copy that remembers the version of the record it copies. */
    public interface Versioned {
        long copiedVersion();
    }

    private LocalCopy() {
    }

    /**
     * The copy to write {@code incomingVersion}'s data into: a new one when there is none, the existing one unless it
     * is newer, empty when the event is older than the copy (and must be ignored).
     */
    public static <C extends Versioned> Optional<C> toUpdate(C existing, long incomingVersion, Supplier<C> fresh) {
        if (existing == null) {
            return Optional.of(fresh.get());
        }
        return existing.copiedVersion() > incomingVersion ? Optional.empty() : Optional.of(existing);
    }
}
