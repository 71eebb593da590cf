package club.twinning.notification;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;

/** The delivery rows an event made, read straight from the service's database. */
final class Deliveries {

    private Deliveries() {
    }

    static List<Delivery> of(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("eventId = ?1 order by recipient", eventId));
    }

    /**
     * Waits until the event's deliveries (written together, in the consumer's transaction) are all in {@code status}.
     * How many there are is the caller's to check: every active council member of the network, for one, may hear.
     */
    static List<Delivery> await(String eventId, DeliveryStatus status) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> of(eventId), ds -> !ds.isEmpty() && ds.stream().allMatch(d -> d.status == status));
    }

    static List<java.util.UUID> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> d.id).toList();
    }
}
