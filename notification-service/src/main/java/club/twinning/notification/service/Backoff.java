package club.twinning.notification.service;

import java.time.Duration;

/** How long a failed delivery waits: initial × 2^(attempt-1), capped, with ±25 % jitter so receivers are not hit at once. */
public final class Backoff {

    private Backoff() {
    }

    /** {@code random}: uniform in [0, 1) (0 → 25 % sooner, 0.5 → exact, towards 1 → 25 % later); at least 1 ms. */
    public static Duration of(Duration initial, Duration max, int attempt, double random) {
        long base = initial.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long jitter = (long) (capped * 0.25 * (random * 2 - 1));
        return Duration.ofMillis(Math.max(1, capped + jitter));
    }
}
