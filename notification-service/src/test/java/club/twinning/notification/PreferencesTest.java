package club.twinning.notification;

import club.twinning.testing.MovableClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.ContactChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.replica.KnownParty;
import club.twinning.notification.service.DigestJob;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A contact's preferences, the daily digest at its local hour, and who may see which deliveries. */
@QuarkusTest
class PreferencesTest {

    static TestEvents events;
    static String tantan;
    static String guelmim;
    static ContactChanged daily;
    static ContactChanged other;

    @Inject
    DigestJob digests;
    @Inject
    MovableClock clock;

    @BeforeAll
    static void cities() {
        events = new TestEvents();
        tantan = People.party(events, "tantan", "fr", "Africa/Casablanca");
        guelmim = People.party(events, "guelmim", "fr", "Africa/Casablanca");
        daily = People.announce(events, People.contact(tantan, "fr", false, List.of("email"), null));
        other = People.announce(events, People.contact(guelmim, "fr", false, List.of("email"), null));
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void aDailyDigestGathersTheDaysEventsInOneEmailAtTheLocalHour() {
        given().contentType(ContentType.JSON).body(Map.of("digest", "DAILY", "digestHour", 8))
                .put("/api/contacts/{id}/preferences", daily.contactId())
                .then().statusCode(200).body("digest", equalTo("DAILY")).body("digestHour", equalTo(8));

        String first = events.publish(EventType.AGREEMENT_STATUS_CHANGED, UUID.randomUUID().toString(), statusChanged(tantan, "SUSPENDED"));
        String second = events.publish(EventType.AGREEMENT_STATUS_CHANGED, UUID.randomUUID().toString(), statusChanged(tantan, "IN_FORCE"));
        Delivery held = Deliveries.await(first, DeliveryStatus.DIGEST).get(0);
        Delivery alsoHeld = Deliveries.await(second, DeliveryStatus.DIGEST).get(0);
        List<UUID> both = List.of(held.id, alsoHeld.id);

        ZonedDateTime due = held.nextAttemptAt.atZone(ZoneId.of("Africa/Casablanca"));
        assertThat(due.getHour()).isEqualTo(8);
        assertThat(due.getMinute()).isZero();
        assertThat(Duration.between(Instant.now(), held.nextAttemptAt)).isPositive().isLessThanOrEqualTo(Duration.ofHours(24));
        assertThat(digests.run()).as("nothing is due before the hour").isZero();
        assertThat(Mailbox.of(daily.email(), both)).isEmpty();

        clock.advance(Duration.ofHours(25));
        try {
            assertThat(digests.run()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.reset();
        }
        List<Mailbox.Received> mail = Mailbox.of(daily.email(), both);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).deliveries()).containsExactlyInAnyOrder(held.id.toString(), alsoHeld.id.toString());
        assertThat(mail.get(0).subject()).contains("2");
        assertThat(mail.get(0).text()).contains("suspendu").contains("en vigueur");
        assertThat(Deliveries.of(first).get(0).status).isEqualTo(DeliveryStatus.SENT);
        assertThat(Deliveries.of(second).get(0).status).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void preferencesThatMakeNoSenseAreRefusedByField() {
        given().contentType(ContentType.JSON).body(Map.of("eventTypes", List.of("club.twinning.nothing")))
                .put("/api/contacts/{id}/preferences", other.contactId())
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body(org.hamcrest.Matchers.containsString("eventTypes[0]"));
        given().contentType(ContentType.JSON).body(Map.of("digest", "WEEKLY", "digestHour", 30))
                .put("/api/contacts/{id}/preferences", other.contactId())
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body(org.hamcrest.Matchers.containsString("digest"));
        given().get("/api/contacts/{id}/preferences", other.contactId())
                .then().statusCode(200).body("digest", equalTo("IMMEDIATE"));
    }

    @Test
    @TestSecurity(user = "partner.guelmim", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "city", value = "guelmim-elsewhere"))
    void aPartnerCannotTouchAnotherCitysContact() {
        given().get("/api/contacts/{id}/preferences", other.contactId()).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().post("/api/contacts/{id}/webhook-secret", other.contactId()).then().statusCode(403);
    }

    /** With real tokens from the running Keycloak: partner.banjul's city claim is banjul, partner.tangier's tangier. */
    @Test
    void aPartnerSeesItsOwnCitysDeliveriesOnly() {
        // The log names the contact and the party (in the reader's language), not only their ids and codes. The names
        // go straight into the test database's replica: announced on the shared topic, they would reach the running
        // stack too.
        QuarkusTransaction.requiringNew().run(() -> {
            KnownParty banjul = KnownParty.findById("banjul");
            if (banjul == null) {
                banjul = new KnownParty();
                banjul.code = "banjul";
            }
            banjul.nameFr = "Banjul";
            banjul.nameAr = "بانجول";
            banjul.nameEn = "Banjul";
            banjul.language = "en";
            banjul.timeZone = "Africa/Banjul";
            banjul.persist();
        });
        ContactChanged ours = People.announce(events, People.contact("banjul", "en", false, List.of("email"), null));
        String id = events.publish(EventType.AGREEMENT_STATUS_CHANGED, UUID.randomUUID().toString(), statusChanged("banjul", "SIGNED"));
        String delivery = Deliveries.await(id, DeliveryStatus.SENT).stream().filter(d -> d.recipient.equals(ours.email()))
                .findFirst().orElseThrow().id.toString();

        as("partner.banjul").get("/api/deliveries?limit=500").then().statusCode(200)
                .body("items.partyCode", everyItem(equalTo("banjul"))).body("items.id", hasItem(delivery));
        as("partner.banjul").get("/api/deliveries/{id}", delivery).then().statusCode(200)
                .body("status", equalTo("SENT")).body("attemptLog.size()", equalTo(1))
                .body("contactName", equalTo(ours.name())).body("partyName", equalTo("Banjul"));
        as("partner.banjul").header("Accept-Language", "ar").get("/api/deliveries?limit=500").then().statusCode(200)
                .body("items.find { it.id == '" + delivery + "' }.partyName", equalTo("بانجول"))
                .body("items.find { it.id == '" + delivery + "' }.contactName", equalTo(ours.name()));
        as("partner.banjul").post("/api/deliveries/{id}/retry", delivery).then().statusCode(403);

        as("partner.tangier").get("/api/deliveries?limit=500").then().statusCode(200).body("items.id", not(hasItem(delivery)));
        as("partner.tangier").get("/api/deliveries/{id}", delivery).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("ops").get("/api/deliveries/{id}", delivery).then().statusCode(200);
        as("council.tombouctou").get("/api/deliveries").then().statusCode(403);
        given().get("/api/deliveries").then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(club.twinning.testing.KeycloakTokens.of(user));
    }

    private static AgreementStatusChanged statusChanged(String party, String to) {
        UUID agreement = UUID.randomUUID();
        return new AgreementStatusChanged(agreement, "TC-" + agreement.toString().substring(0, 6), "TWINNING",
                List.of(party), List.of("culture"), "SIGNED", to, null, "secretariat", null, Instant.now(), 1);
    }
}
