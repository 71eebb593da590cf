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

    /** Waits until the event made {@code count} deliveries, all in {@code status}. */
    static List<Delivery> await(String eventId, int count, DeliveryStatus status) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> of(eventId), ds -> ds.size() == count && ds.stream().allMatch(d -> d.status == status));
    }

    /** Waits until the event has been consumed, whatever it made. */
    static void consumed(String eventId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) Delivery.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                        .getSingleResult()).intValue() > 0));
    }
}
