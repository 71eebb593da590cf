package club.twinning.notification;

import club.twinning.testing.MovableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests' clock: platform-testing's movable one, replacing the service's default clock. */
class MovableClocks {

    @Produces
    @Singleton
    MovableClock clock() {
        return new MovableClock();
    }
}
