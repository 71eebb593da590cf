package club.twinning.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A consumer fed the same CloudEvent twice through the real Kafka applies it once. */
@QuarkusTest
class ProcessedEventsTest {

    @Inject
    EntityManager em;

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents()) {
            for (int i = 0; i < 2; i++) {
                events.send("twinning.test.inbox", "note-1", "{\"n\":1}", "club.twinning.party.updated", eventId);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("processed_event", eventId) == 1);
        // Give the second copy time to arrive and be skipped.
        Thread.sleep(2000);
        assertEquals(1, count("applied_event", eventId));
        assertEquals(1, count("processed_event", eventId));
    }

    private long count(String table, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM " + table + " WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
