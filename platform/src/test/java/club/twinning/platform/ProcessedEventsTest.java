package club.twinning.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A consumer fed the same CloudEvent twice through the real Kafka applies it once. */
@QuarkusTest
class ProcessedEventsTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 2; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("twinning.test.inbox", "note-1", "{\"n\":1}");
                record.headers()
                        .add("ce_specversion", bytes("1.0"))
                        .add("ce_id", bytes(eventId))
                        .add("ce_type", bytes("club.twinning.party.updated"))
                        .add("ce_source", bytes("/twinning/test"))
                        .add("content-type", bytes("application/json"));
                producer.send(record).get();
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
