package club.twinning.events;

/** Kafka topics. Records are keyed by the aggregate id, so one aggregate's events stay in order. */
public final class Topics {
    public static final String PARTIES = "twinning.registry.parties";
    public static final String CONTACTS = "twinning.registry.contacts";
    public static final String AGREEMENTS = "twinning.registry.agreements";
    public static final String REQUESTS = "twinning.exchange.requests";
    public static final String VISITS = "twinning.exchange.visits";
    public static final String RELATIONSHIPS = "twinning.exchange.relationships";
    public static final String NOTIFICATION_DEAD_LETTERS = "twinning.notification.dead-letters";

    private Topics() {
    }
}
