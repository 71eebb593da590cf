package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import club.twinning.events.EventType;
import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.testing.KafkaRecords;
import club.twinning.testing.TestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signed webhooks to a real HTTP endpoint: retried with backoff until accepted, or FAILED, dead-lettered and retried by hand. */
@QuarkusTest
class WebhookTest {

    static TestEvents events;

    @BeforeAll
    static void open() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void aWebhookThatFailsOnceIsAcceptedExactlyOnceAndItsSignatureVerifies() throws Exception {
        try (Receiver receiver = new Receiver(500)) {
            String party = People.party(events, "laayoune", "fr", "Africa/Casablanca");
            ContactChanged contact = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), receiver.url()));
            String secret = Webhooks.secretOf(contact);

            String id = Webhooks.agreementInForce(events, party);

            Delivery sent = Deliveries.await(id, DeliveryStatus.SENT).get(0);
            assertThat(sent.attempts).isEqualTo(2);
            assertThat(receiver.calls).hasSize(2);
            assertThat(receiver.calls).filteredOn(c -> c.answered() == 200).hasSize(1);

            Receiver.Call accepted = receiver.calls.get(1);
            assertThat(accepted.header("Idempotency-Key")).isEqualTo(id);
            assertThat(accepted.header("Content-Type")).startsWith("application/cloudevents+json");
            verifySignature(secret, accepted);
            JsonNode event = new ObjectMapper().readTree(accepted.body());
            assertThat(event.path("id").asText()).isEqualTo(id);
            assertThat(event.path("type").asText()).isEqualTo(EventType.AGREEMENT_STATUS_CHANGED.type());
            assertThat(event.path("data").path("to").asText()).isEqualTo("IN_FORCE");
        }
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void aWebhookThatNeverAnswersIsFailedDeadLetteredAndCanBeRetried() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.failForever();
            String party = People.party(events, "dakhla", "fr", "Africa/Casablanca");
            ContactChanged contact = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), receiver.url()));
            String secret = Webhooks.storedSecret(contact.contactId()); // ops may not issue one through the API
            String id = Webhooks.agreementInForce(events, party);

            Delivery failed = Deliveries.await(id, DeliveryStatus.FAILED).get(0);
            assertThat(failed.attempts).isEqualTo(5); // max-attempts in the test profile
            assertThat(failed.lastError).contains("500");
            JsonNode dead = new ObjectMapper().readTree(KafkaRecords.consume("twinning.notification.dead-letters",
                    r -> r.value() != null && r.value().contains(failed.id.toString()), 1).get(0).value());
            assertThat(dead.path("eventId").asText()).isEqualTo(id);
            assertThat(dead.path("attempts").asInt()).isEqualTo(5);

            given().get("/api/deliveries/{id}", failed.id).then().statusCode(200)
                    .body("status", equalTo("FAILED")).body("attemptLog.size()", equalTo(5));

            // The partner mends its endpoint; ops sends it again.
            receiver.mend();
            given().post("/api/deliveries/{id}/retry", failed.id).then().statusCode(200).body("status", equalTo("RETRYING"));
            Deliveries.await(id, DeliveryStatus.SENT);
            assertThat(receiver.calls).hasSize(6).last().extracting(Receiver.Call::answered).isEqualTo(200);
            verifySignature(secret, receiver.calls.get(5));
            given().post("/api/deliveries/{id}/retry", failed.id).then().statusCode(409)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(409)).body("deliveryStatus", equalTo("SENT"));
        }
    }

    private static void verifySignature(String secret, Receiver.Call call) throws Exception {
        String header = call.header("Twinning-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(Webhooks.hmac(secret, t + "." + call.body()));
        assertThat(Long.parseLong(t)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));
    }
}
