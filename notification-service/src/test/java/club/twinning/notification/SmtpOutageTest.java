package club.twinning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.service.Channels;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SMTP server goes down and comes back: the email is retried and arrives exactly once. */
@QuarkusTest
@QuarkusTestResource(Outages.class)
class SmtpOutageTest {

    @Test
    void anEmailRetriedAcrossAnSmtpOutageArrivesExactlyOnce() {
        try (TestEvents events = new TestEvents()) {
            String party = People.party(events, "smara", "fr", "Africa/Casablanca");
            ContactChanged contact = People.announce(events, People.contact(party, "fr", false, List.of("email"), null));

            Outages.smtp.down();
            String id;
            try {
                UUID agreement = UUID.randomUUID();
                id = events.publish(EventType.AGREEMENT_STATUS_CHANGED, agreement.toString(), new AgreementStatusChanged(agreement,
                        "TC-" + agreement.toString().substring(0, 6), "TWINNING", List.of(party), List.of("culture"), "SIGNED",
                        "SUSPENDED", null, "secretariat", "travaux", Instant.now(), 1));
                String event = id;
                Delivery failing = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Deliveries.of(event).stream().filter(d -> d.attempts >= 1).findFirst().orElse(null),
                                d -> d != null && d.status == DeliveryStatus.RETRYING);
                assertThat(failing.lastError).isNotBlank();
                assertThat(Mailbox.of(contact.email(), List.of(failing.id))).isEmpty();
            } finally {
                Outages.smtp.up();
            }

            Delivery sent = Deliveries.await(id, DeliveryStatus.SENT).get(0);
            assertThat(sent.attempts).isGreaterThanOrEqualTo(2);
            assertThat(Mailbox.of(contact.email(), List.of(sent.id))).hasSize(1)
                    .allMatch(m -> m.messageId().equals(Channels.messageId(sent.id.toString())), "a Message-ID stable per delivery");
            long failures = QuarkusTransaction.requiringNew().call(() -> club.twinning.notification.domain.DeliveryAttempt
                    .count("deliveryId = ?1 and outcome = 'FAILED'", sent.id));
            assertThat(failures).isEqualTo(sent.attempts - 1L);
        }
    }
}
