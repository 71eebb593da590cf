package club.twinning.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database outage longer than the consumer's poll interval (10 s here) and than the connector's one-minute limit
 * for an unacknowledged record: the consumer keeps its place, and once the database is back every event sent during
 * the outage is applied exactly once and the channel goes on consuming. The shared PostgreSQL is not stopped: the
 * test application reaches it through a relay ({@link DatabaseRelay}) switched off for the outage.
 */
@QuarkusTest
@QuarkusTestResource(DatabaseRelay.class)
class DatabaseOutageTest {

    private static final String TOPIC = "twinning.test.outage";

    @Inject
    EntityManager em;

    @Inject
    KafkaClientService kafka;

    @Test
    void eventsSentDuringALongOutageAreAppliedOnceWhenTheDatabaseIsBack() throws Exception {
        // The channel is assigned and working before the outage.
        String before = send(1).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(before) == 1);

        List<String> during;
        DatabaseRelay.postgres.down();
        try {
            during = send(5);
            // The held message pauses the channel: its client polls on, fetching nothing.
            await().atMost(Duration.ofSeconds(60)).until(() -> !kafka.getConsumer("test-outage").paused()
                    .await().atMost(Duration.ofSeconds(10)).isEmpty());
            // Longer than max.poll.interval.ms (10 s) and the throttled commit's unprocessed-record limit (60 s).
            Thread.sleep(Duration.ofSeconds(75).toMillis());
        } finally {
            DatabaseRelay.postgres.up();
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> during.stream().allMatch(id -> applied(id) >= 1));
        String after = send(1).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(after) == 1);
        for (String id : during) {
            assertEquals(1, applied(id), "applications of " + id);
        }
        assertEquals(1, applied(before));
        assertTrue(kafka.getConsumer("test-outage").paused().await().atMost(Duration.ofSeconds(10)).isEmpty(),
                "the channel was resumed");
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private List<String> send(int count) {
        List<String> ids = new ArrayList<>();
        try (TestEvents events = new TestEvents()) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                events.send(TOPIC, "outage", "{\"n\":" + i + "}", "club.twinning.party.updated", id);
                ids.add(id);
            }
        }
        return ids;
    }

    private long applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM applied_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
