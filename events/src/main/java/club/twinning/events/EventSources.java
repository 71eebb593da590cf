package club.twinning.events;

/** CloudEvents {@code source} of each producing service. */
public final class EventSources {
    public static final String REGISTRY = "/twinning/registry-service";
    public static final String EXCHANGE = "/twinning/exchange-service";
    public static final String NOTIFICATION = "/twinning/notification-service";

    private EventSources() {
    }
}
