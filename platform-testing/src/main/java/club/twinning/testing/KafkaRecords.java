package club.twinning.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads back what reached a topic of the real broker. Topics are shared across test runs and modules, so a
 * test names the keys (aggregate ids) it created and gets only their records.
 */
public final class KafkaRecords {

    public static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");

    private KafkaRecords() {
    }

    /** Waits for {@code expected} records whose key is in {@code keys}, then checks that no more arrive. */
    public static List<ConsumerRecord<String, String>> consume(String topic, Set<String> keys, int expected) {
        return consume(topic, r -> r.key() != null && keys.contains(r.key()), expected);
    }

    public static List<ConsumerRecord<String, String>> consume(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                               int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, Duration.ofMillis(500), wanted, found) >= expected);
            // Anything more would be a duplicate.
            poll(consumer, Duration.ofSeconds(1), wanted, found);
        }
        if (found.size() != expected) {
            throw new AssertionError("expected " + expected + " records on " + topic + ", got " + found.size());
        }
        return found;
    }

    /** The first record that matches, when it is enough to know that one arrived (others may too). */
    public static ConsumerRecord<String, String> first(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, Duration.ofMillis(500), wanted, found) > 0);
        }
        return found.get(0);
    }

    /** One poll, adding the wanted records to {@code found}; answers how many it holds now. */
    private static int poll(KafkaConsumer<String, String> consumer, Duration timeout,
                            Predicate<ConsumerRecord<String, String>> wanted, List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
            if (wanted.test(r)) {
                found.add(r);
            }
        }
        return found.size();
    }

    /** A reader of its own (a fresh group), from the start of the topic. */
    private static KafkaConsumer<String, String> reader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
