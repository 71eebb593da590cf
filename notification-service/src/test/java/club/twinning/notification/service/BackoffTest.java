package club.twinning.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The retry schedule: doubling from the initial wait, capped, jittered by at most a quarter either way. */
@Tag("unit")
class BackoffTest {

    static final Duration INITIAL = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);

    @Test
    void theWaitDoublesWithEachAttemptUntilTheCap() {
        assertThat(Backoff.of(INITIAL, MAX, 1, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.of(INITIAL, MAX, 2, 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.of(INITIAL, MAX, 5, 0.5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Backoff.of(INITIAL, MAX, 8, 0.5)).as("capped").isEqualTo(MAX);
        assertThat(Backoff.of(INITIAL, MAX, 500, 0.5)).as("no overflow far past the cap").isEqualTo(MAX);
    }

    @Test
    void jitterStaysWithinAQuarterEitherWay() {
        assertThat(Backoff.of(INITIAL, MAX, 3, 0.0)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Backoff.of(INITIAL, MAX, 3, 0.999999)).isBetween(Duration.ofSeconds(149), Duration.ofSeconds(150));
        assertThat(Backoff.of(INITIAL, MAX, 20, 0.999999)).as("the cap is jittered too, so capped retries spread")
                .isGreaterThan(MAX).isLessThanOrEqualTo(MAX.plus(MAX.dividedBy(4)));
        for (double r = 0; r < 1; r += 0.01) {
            assertThat(Backoff.of(INITIAL, MAX, 2, r)).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(75));
        }
    }

    @Test
    void neverLessThanAMillisecondNorBeforeTheFirstAttempt() {
        assertThat(Backoff.of(Duration.ZERO, MAX, 1, 0.0)).isEqualTo(Duration.ofMillis(1));
        assertThat(Backoff.of(INITIAL, MAX, 0, 0.5)).as("attempt 0 reads as the first").isEqualTo(INITIAL);
    }
}
