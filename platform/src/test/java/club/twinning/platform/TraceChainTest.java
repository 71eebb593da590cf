package club.twinning.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import club.twinning.events.Topics;
import club.twinning.platform.inbox.ProcessedEvents;
import club.twinning.platform.outbox.OutboxEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One trace from an HTTP request to the consumer of the event it caused, through the outbox row and Kafka, with
 * the spans captured in memory: the request's span, the row's traceparent, the record's ce_traceparent and the
 * consumer's span all name the same trace.
 */
@QuarkusTest
class TraceChainTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ProcessedEvents processed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void oneTraceFollowsARequestThroughTheOutboxAndKafkaToTheConsumer() {
        String id = "note-" + UUID.randomUUID();
        given().contentType("text/plain").body("Banjul asks about fisheries").put("/notes/{id}", id)
                .then().statusCode(204);

        SpanData request = await().atMost(Duration.ofSeconds(30)).until(() -> span(SpanKind.SERVER, "/notes/{id}"),
                Optional::isPresent).get();
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.find("aggregateId", id).firstResult());
        assertNotNull(row.traceparent, "the outbox row did not record the request's trace");
        assertEquals(request.getTraceId(), traceId(row.traceparent), "the row's trace is not the request's");

        ConsumerRecord<String, String> record = record(id);
        assertEquals(row.traceparent, header(record, "ce_traceparent"), "the CloudEvent does not carry the row's trace");

        SpanData consumer = await().atMost(Duration.ofSeconds(90))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.CONSUMER)
                        .filter(s -> row.eventId.toString().equals(s.getAttributes().asMap().entrySet().stream()
                                .filter(e -> e.getKey().getKey().equals("cloudevents.event_id"))
                                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null)))
                        .findFirst(), Optional::isPresent).get();
        assertEquals(request.getTraceId(), consumer.getTraceId(), "the consumer started a trace of its own");
        assertEquals(spanId(row.traceparent), consumer.getParentSpanId(), "the consumer's span does not continue the row's");
        assertEquals(TracedConsumer.CONSUMER, consumer.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.consumer.group.name"))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null));

        // What the consumer leaves for later continues from its span.
        String kept = QuarkusTransaction.requiringNew().call(() -> processed.traceparent(row.eventId.toString()).orElseThrow());
        assertEquals(consumer.getTraceId(), traceId(kept));
        assertEquals(consumer.getSpanId(), spanId(kept));
    }

    private Optional<SpanData> span(SpanKind kind, String route) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == kind && s.getName().contains(route))
                .findFirst();
    }

    private ConsumerRecord<String, String> record(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PARTIES));
            ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found[0] = r;
                    }
                });
                return found[0] != null;
            });
            return found[0];
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** traceparent = version-traceid-spanid-flags */
    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
