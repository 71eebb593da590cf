package club.twinning.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock every rule of time is judged by (visit windows, relationship health, digests); a service's tests replace
 * it with platform-testing's MovableClock, which they produce as a bean of their own.
 */
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
