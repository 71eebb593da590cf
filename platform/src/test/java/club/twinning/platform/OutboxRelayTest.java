package club.twinning.platform;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.EventType;
import club.twinning.events.Topics;
import club.twinning.platform.outbox.OutboxEvent;
import club.twinning.platform.outbox.OutboxRelay;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The outbox and its relay, against the real PostgreSQL and Kafka. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    NoteService notes;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCommittedChangeReachesKafkaAsACloudEvent() throws Exception {
        String id = "note-" + UUID.randomUUID();
        notes.save(id, "Agadez asks about desert-space management", 1, false);

        List<ConsumerRecord<String, String>> records = consume(Topics.PARTIES, Set.of(id), 1);
        ConsumerRecord<String, String> record = records.get(0);
        Map<String, String> headers = headers(record);
        assertEquals(id, record.key());
        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals(EventType.PARTY_UPDATED.type(), headers.get("ce_type"));
        assertEquals("/twinning/platform-test", headers.get("ce_source"));
        assertEquals(id, headers.get("ce_subject"));
        assertEquals("application/json", headers.get("content-type"));
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.find("aggregateId", id).firstResult());
        assertEquals(row.eventId.toString(), headers.get("ce_id"));
        assertTrue(row.sentAt != null, "row not marked sent");
        assertEquals("Agadez asks about desert-space management",
                json.readTree(record.value()).get("nameFr").asText());
    }

    @Test
    void eventsOfOneAggregateInOneTransactionAllLeaveWithoutTheSchedule() throws Exception {
        // The schedule runs hourly here: only the drain's own passes send. Each pass finds one head of the aggregate,
        // a partial batch, yet the drain must go on while a later row of a sent head waits behind it.
        String id = "note-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int v = 1; v <= 3; v++) {
                notes.announce(id, "version " + v, v);
            }
        });

        List<Long> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> r : consume(Topics.PARTIES, Set.of(id), 3)) {
            versions.add(json.readTree(r.value()).get("version").asLong());
        }
        assertEquals(List.of(1L, 2L, 3L), versions);
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        String id = "note-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> notes.save(id, "never", 1, true));
        long rows = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", id));
        long saved = QuarkusTransaction.requiringNew().call(() -> Note.count("id", id));
        assertEquals(0, rows);
        assertEquals(0, saved);
    }

    @Test
    void concurrentRelaysSendEachEventOnceAndInOrderPerAggregate() throws Exception {
        List<String> aggregates = List.of("note-" + UUID.randomUUID(), "note-" + UUID.randomUUID(), "note-" + UUID.randomUUID());
        int perAggregate = 15;
        for (int v = 1; v <= perAggregate; v++) {
            for (String id : aggregates) {
                notes.save(id, "version " + v, v, false);
            }
        }
        // Two relays draining at once (and the scheduled one besides), like two replicas of a service.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> drains = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            drains.add(pool.submit(() -> {
                int sent = 0;
                for (int pass = 0; pass < 200; pass++) {
                    sent += relay.relayBatch();
                }
                return sent;
            }));
        }
        for (Future<Integer> drain : drains) {
            drain.get();
        }
        pool.shutdown();

        List<ConsumerRecord<String, String>> records = consume(Topics.PARTIES, Set.copyOf(aggregates),
                perAggregate * aggregates.size());
        Map<String, List<Long>> versions = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            assertTrue(ids.add(headers(r).get("ce_id")), "event sent twice: " + headers(r).get("ce_id"));
            versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(json.readTree(r.value()).get("version").asLong());
        }
        for (String id : aggregates) {
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= perAggregate; v++) {
                expected.add(v);
            }
            assertEquals(expected, versions.get(id), "order of " + id);
        }
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void anEventKafkaRefusesForItsSizeIsParkedAndItsAggregateGoesOn() throws Exception {
        String id = "note-" + UUID.randomUUID();
        double parkedBefore = parkedMetric();
        // Larger than the broker's (and the producer's) 1 MiB limit.
        notes.announce(id, "x".repeat(1_100_000), 1);
        notes.save(id, "the next version", 2, false);

        List<ConsumerRecord<String, String>> records = consume(Topics.PARTIES, Set.of(id), 1);
        assertEquals(2, json.readTree(records.get(0).value()).get("version").asLong(), "the later event was sent");
        OutboxEvent big = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>find("aggregateId = ?1 ORDER BY id", id).firstResult());
        assertNotNull(big.parkedAt, "the refused row is parked");
        assertNull(big.sentAt);
        assertTrue(big.lastError.contains("RecordTooLargeException"), big.lastError);
        assertTrue(parkedMetric() >= parkedBefore + 1, "twinning.outbox.parked counted it");

        given().when().get("/api/ops/messaging").then().statusCode(200)
                .body("outboxParked", greaterThanOrEqualTo(1))
                .body("parked.eventId", hasItem(big.eventId.toString()))
                .body("parked.find { it.eventId == '" + big.eventId + "' }.aggregateId", equalTo(id));
        // The refusal does not mark the service as broken (no restart loop for one bad event).
        given().when().get("/q/health/live").then().statusCode(200);
        // A second pass leaves it alone: a parked row is never sent.
        relay.relayBatch();
        assertNull(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(big.id)).sentAt);
    }

    private static double parkedMetric() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("twinning_outbox_parked_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private List<ConsumerRecord<String, String>> consume(String topic, Set<String> keys, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
            // Anything more would be a duplicate.
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                if (keys.contains(r.key())) {
                    found.add(r);
                }
            });
        }
        assertEquals(expected, found.size(), "records for " + keys);
        return found;
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
