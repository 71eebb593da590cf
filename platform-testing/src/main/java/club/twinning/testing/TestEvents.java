package club.twinning.testing;

import club.twinning.events.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the real broker exactly as another service's outbox relay would: binary-mode
 * CloudEvents, keyed by aggregate id. A consumer's tests play the producing service with it.
 */
public final class TestEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;

    public TestEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaRecords.BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Returns the CloudEvents id it gave the event. */
    public String publish(EventType type, String key, Record payload) {
        String id = UUID.randomUUID().toString();
        publish(type, key, payload, id);
        return id;
    }

    /** With a chosen id: publishing the same id twice is a redelivery. */
    public void publish(EventType type, String key, Record payload, String id) {
        try {
            send(type.topic(), key, JSON.writeValueAsString(payload), type.type(), id);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Anything, even what is not a CloudEvent (a null type sends no CloudEvents headers). */
    public void send(String topic, String key, String value, String type, String id) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (type != null) {
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_type", bytes(type))
                    .add("ce_source", bytes("/twinning/test")).add("ce_subject", bytes(key))
                    .add("content-type", bytes("application/json"));
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
