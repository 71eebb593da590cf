package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.domain.WebhookSecret;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partner endpoints that cannot hurt us: slow or silent ones hold only their own deliveries (others' webhooks and
 * emails go out meanwhile), an inside address is never connected to, redirects are not followed, an endless answer is
 * cut, partners read categories only, secrets are sealed and rotate with a grace, a lease that ran out is reclaimed.
 */
@QuarkusTest
@TestSecurity(user = "secretariat", roles = "secretariat")
class EgressTest {

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
    void slowAndSilentPartnersHoldOnlyTheirOwnDeliveries() throws Exception {
        List<Hostile> hostile = new ArrayList<>();
        try (Receiver good = new Receiver()) {
            // More slow endpoints than the 8 senders that one slow endpoint each used to stall for good.
            String slowParty = People.party(events, "slow", "fr", "Africa/Casablanca");
            for (int i = 0; i < 10; i++) {
                Hostile h = new Hostile(i % 2 == 0 ? Hostile.Mode.TRICKLE : Hostile.Mode.SILENT);
                hostile.add(h);
                Webhooks.secretOf(People.announce(events, People.contact(slowParty, "fr", false, List.of("webhook"), h.url())));
            }
            List<String> slowEvents = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slowEvents.add(Webhooks.agreementInForce(events, slowParty)); // 4 deliveries per slow endpoint: more than its 2 in flight
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hostile.stream().allMatch(h -> h.connections.get() >= 1));

            String goodParty = People.party(events, "swift", "fr", "Africa/Casablanca");
            ContactChanged hook = People.announce(events, People.contact(goodParty, "fr", false, List.of("webhook"), good.url()));
            Webhooks.secretOf(hook);
            ContactChanged mail = People.announce(events, People.contact(goodParty, "fr", false, List.of("email"), null));
            String goodEvent = Webhooks.agreementInForce(events, goodParty);

            List<Delivery> sent = Deliveries.await(goodEvent, DeliveryStatus.SENT);
            assertThat(sent).hasSize(2).allMatch(d -> d.attempts == 1);
            assertThat(good.calls).hasSize(1);
            assertThat(Mailbox.of(mail.email(), Deliveries.ids(sent))).hasSize(1);
            // Sent while every slow delivery is still unanswered: none had to be given up first.
            for (String e : slowEvents) {
                assertThat(Deliveries.of(e)).hasSize(10).noneMatch(d -> d.status == DeliveryStatus.SENT || d.status == DeliveryStatus.FAILED);
            }

            // The deadline covers the whole exchange: a body trickled a byte a second (1000 s) ends as a timeout.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> slowEvents.stream().flatMap(e -> Deliveries.of(e).stream())
                    .filter(d -> d.recipient.equals(hostile.get(0).url())).anyMatch(d -> "timeout".equals(d.lastError)));
            Delivery trickled = slowEvents.stream().flatMap(e -> Deliveries.of(e).stream())
                    .filter(d -> d.recipient.equals(hostile.get(0).url()) && "timeout".equals(d.lastError)).findFirst().orElseThrow();
            given().get("/api/deliveries/{id}", trickled.id).then().statusCode(200).body("lastError", equalTo("timeout"))
                    .body("attemptLog[0].detail", equalTo("timeout"));
            // Never more than 2 exchanges at once with one endpoint.
            assertThat(hostile).allMatch(h -> h.mostOpen.get() <= 2, "at most 2 connections open at once");
        } finally {
            for (Hostile h : hostile) {
                h.close();
            }
        }
    }

    @Test
    void anInsideAddressIsRefusedWithoutAConnectionAndPartnersSeeOnlyTheCategory() throws Exception {
        // 127.0.0.2 is loopback too, outside the test profile's allowed 127.0.0.1/32.
        try (Hostile inside = new Hostile(Hostile.Mode.SILENT, null, "127.0.0.2")) {
            String party = People.party(events, "inside", "fr", "Africa/Casablanca");
            ContactChanged contact = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), inside.url()));
            given().post("/api/contacts/{id}/webhook-secret", contact.contactId()).then().statusCode(422)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("webhookUrl"));
            Webhooks.storedSecret(contact.contactId()); // as if the URL had changed after the secret was issued

            String id = Webhooks.agreementInForce(events, party);
            Delivery failed = Deliveries.await(id, DeliveryStatus.FAILED).get(0);
            assertThat(failed.attempts).isEqualTo(1); // no retries: trying again changes nothing
            assertThat(failed.lastError).isEqualTo("refused-address");
            assertThat(inside.connections.get()).isZero();
            given().get("/api/deliveries/{id}", failed.id).then().statusCode(200).body("lastError", equalTo("refused-address"))
                    .body("attemptLog[0].detail", equalTo("refused-address"));
        }
    }

    @Test
    void redirectsAreNotFollowedAndAnEndlessAnswerIsCut() throws Exception {
        try (Receiver target = new Receiver(); Hostile redirect = new Hostile(Hostile.Mode.REDIRECT, target.url(), "127.0.0.1");
             Hostile flood = new Hostile(Hostile.Mode.FLOOD)) {
            String party = People.party(events, "tricky", "fr", "Africa/Casablanca");
            ContactChanged redirecting = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), redirect.url()));
            Webhooks.secretOf(redirecting);
            ContactChanged flooding = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), flood.url()));
            Webhooks.secretOf(flooding);
            String id = Webhooks.agreementInForce(events, party);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of(id).stream()
                    .anyMatch(d -> d.recipient.equals(redirect.url()) && "http-307".equals(d.lastError)));
            Delivery floodDelivery = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of(id).stream()
                    .filter(d -> d.recipient.equals(flood.url())).findFirst().orElse(null), d -> d != null && d.status == DeliveryStatus.SENT);
            assertThat(floodDelivery.attempts).isEqualTo(1);
            assertThat(target.calls).isEmpty();
            // We read a few KiB and hung up: the 100 MiB body stopped at what the sockets' buffers took.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> flood.open.get() == 0);
            assertThat(flood.bytesSent.get()).isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void aRotatedSecretKeepsSigningDuringItsGraceAndSecretsAreSealed() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String party = People.party(events, "rotating", "fr", "Africa/Casablanca");
            ContactChanged contact = People.announce(events, People.contact(party, "fr", false, List.of("webhook"), receiver.url()));
            String old = Webhooks.secretOf(contact);
            String current = given().post("/api/contacts/{id}/webhook-secret", contact.contactId()).then().statusCode(200)
                    .body("previousValidUntil", org.hamcrest.Matchers.notNullValue()).extract().path("secret");
            WebhookSecret stored = QuarkusTransaction.requiringNew().call(() -> WebhookSecret.<WebhookSecret>findById(contact.contactId()));
            assertThat(stored.secret).isNull();
            assertThat(stored.sealed).startsWith("v1:").doesNotContain(current);
            assertThat(stored.previous).startsWith("v1:").doesNotContain(old);

            String id = Webhooks.agreementInForce(events, party);
            Delivery sent = Deliveries.await(id, DeliveryStatus.SENT).get(0);
            Receiver.Call call = receiver.calls.get(0);
            String header = call.header("Twinning-Signature");
            assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
            String t = header.substring(2, header.indexOf(','));
            String[] v1 = header.substring(header.indexOf("v1=")).replace("v1=", "").split(",");
            assertThat(v1[0]).isEqualTo(Webhooks.hmac(current, t + "." + call.body()));
            assertThat(v1[1]).isEqualTo(Webhooks.hmac(old, t + "." + call.body()));

            // A sender that died mid-send: its lease runs out and the row is claimed again (same Idempotency-Key);
            // a row whose lease still runs is left alone.
            QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                    "status = ?1, leaseUntil = ?2 where id = ?3", DeliveryStatus.SENDING, Instant.now().minusSeconds(1), sent.id));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls.size() == 2);
            Delivery again = Deliveries.await(id, DeliveryStatus.SENT).get(0);
            assertThat(again.attempts).isEqualTo(2);
            assertThat(receiver.calls.get(1).header("Idempotency-Key")).isEqualTo(id);

            QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                    "status = ?1, leaseUntil = ?2 where id = ?3", DeliveryStatus.SENDING, Instant.now().plusSeconds(600), sent.id));
            String later = Webhooks.agreementInForce(events, party);
            Deliveries.await(later, DeliveryStatus.SENT);
            assertThat(Deliveries.of(id).get(0).status).isEqualTo(DeliveryStatus.SENDING);
            assertThat(receiver.calls).hasSize(3);
        }
    }
}
