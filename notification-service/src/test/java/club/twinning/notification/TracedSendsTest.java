package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.testing.TestEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An event that carries a trace: the consumer's work and the webhook sent for it are spans of that trace. */
@QuarkusTest
@TestProfile(TracedSendsTest.Traced.class)
class TracedSendsTest {

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    CapturedSpans captured;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void aWebhookSendContinuesTheTraceOfItsEvent() throws Exception {
        try (Receiver receiver = new Receiver(); TestEvents events = new TestEvents()) {
            String party = People.party(events, "essaouira", "fr", "Africa/Casablanca");
            ContactChanged contact = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), receiver.url()));
            given().post("/api/contacts/{id}/webhook-secret", contact.contactId()).then().statusCode(200);

            UUID agreement = UUID.randomUUID();
            String id = UUID.randomUUID().toString();
            publishTraced(agreement, party, id, "00-" + TRACE + "-00f067aa0ba902b7-01");
            Deliveries.await(id, DeliveryStatus.SENT);

            String sentWith = receiver.calls.get(0).header("traceparent");
            assertThat(sentWith).as("the webhook request carries the trace").startsWith("00-" + TRACE + "-");

            SpanData consumer = await().atMost(Duration.ofSeconds(30)).until(() -> span(SpanKind.CONSUMER, id), Optional::isPresent).get();
            SpanData send = await().atMost(Duration.ofSeconds(30))
                    .until(() -> captured.all().stream().filter(s -> s.getName().equals("webhook POST"))
                            .filter(s -> s.getTraceId().equals(TRACE)).findFirst(), Optional::isPresent).get();
            assertThat(consumer.getTraceId()).isEqualTo(TRACE);
            assertThat(consumer.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(send.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(send.getParentSpanId()).as("the send continues the consumer's span").isEqualTo(consumer.getSpanId());
            assertThat(sentWith.split("-")[2]).as("the receiver's parent is the send").isEqualTo(send.getSpanId());
        }
    }

    private Optional<SpanData> span(SpanKind kind, String eventId) {
        return captured.all().stream().filter(s -> s.getKind() == kind)
                .filter(s -> s.getAttributes().asMap().entrySet().stream()
                        .anyMatch(e -> e.getKey().getKey().equals("cloudevents.event_id") && eventId.equals(String.valueOf(e.getValue()))))
                .findFirst();
    }

    /** TestEvents sends no trace: this event is published as a traced service's relay would (ce_traceparent). */
    private void publishTraced(UUID agreement, String party, String id, String traceparent) throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String data = json.writeValueAsString(new AgreementStatusChanged(agreement, "TC-2025-" + agreement.toString().substring(0, 4),
                "TWINNING", List.of(party), List.of("culture"), "SIGNED", "IN_FORCE", null, "secretariat", null, Instant.now(), 1));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(EventType.AGREEMENT_STATUS_CHANGED.topic(), agreement.toString(), data);
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id))
                    .add("ce_type", bytes(EventType.AGREEMENT_STATUS_CHANGED.type())).add("ce_source", bytes("/twinning/test"))
                    .add("ce_subject", bytes(agreement.toString())).add("ce_traceparent", bytes(traceparent))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
