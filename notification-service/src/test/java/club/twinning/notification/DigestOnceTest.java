package club.twinning.notification;

import club.twinning.testing.MovableClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.service.DigestJob;
import club.twinning.platform.work.ClusterLock;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two replicas reach the digest's hour together: the contact gets one digest email, not two. */
@QuarkusTest
class DigestOnceTest {

    @Inject
    DigestJob digests;
    @Inject
    ClusterLock lock;
    @Inject
    MovableClock clock;

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void twoReplicasDueAtOnceSendOneDigest() throws Exception {
        ContactChanged contact;
        String event;
        try (TestEvents events = new TestEvents()) {
            String party = People.party(events, "tiznit", "fr", "Africa/Casablanca");
            contact = People.announce(events, People.contact(party, "fr", false, List.of("email"), null));
            given().contentType(ContentType.JSON).body(Map.of("digest", "DAILY", "digestHour", 8))
                    .put("/api/contacts/{id}/preferences", contact.contactId()).then().statusCode(200);
            UUID agreement = UUID.randomUUID();
            event = events.publish(EventType.AGREEMENT_STATUS_CHANGED, agreement.toString(),
                    new AgreementStatusChanged(agreement, "TC-" + agreement.toString().substring(0, 6), "TWINNING", List.of(party),
                            List.of("culture"), "SIGNED", "IN_FORCE", null, "secretariat", null, Instant.now(), 1));
        }
        Delivery held = Deliveries.await(event, DeliveryStatus.DIGEST).get(0);
        List<UUID> ours = List.of(held.id);

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        clock.advance(Duration.ofHours(25));
        try {
            // Replica A is in the middle of the digest: it holds the job's lock in its transaction.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Future<Boolean> a = replicas.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                boolean got = lock.tryHold(DigestJob.class.getName());
                holding.countDown();
                finish.await(30, TimeUnit.SECONDS);
                return got;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(a.isDone()).isFalse();
            // Replica B's pass is skipped, quietly: nothing sent, no error.
            assertThat(digests.run()).isZero();
            assertThat(Deliveries.of(event).get(0).status).isEqualTo(DeliveryStatus.DIGEST);
            finish.countDown();
            assertThat(a.get()).isTrue();

            // Then both replicas' next passes at once (and the schedule besides): one digest between them.
            Future<Integer> first = replicas.submit(digests::run);
            Future<Integer> second = replicas.submit(digests::run);
            first.get();
            second.get();
        } finally {
            clock.reset();
            replicas.shutdownNow();
        }
        assertThat(Deliveries.of(event).get(0).status).isEqualTo(DeliveryStatus.SENT);
        assertThat(Mailbox.of(contact.email(), ours)).hasSize(1);
    }
}
