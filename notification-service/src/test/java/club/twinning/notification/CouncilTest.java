package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.events.EventType;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.Tally;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The council is who holds the council role in the real Keycloak: a user given the role at run time hears the next
 * new request, in their language; one who loses it hears no more. Members come from Keycloak, not from contacts.
 */
@QuarkusTest
class CouncilTest {

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void aUserGivenTheCouncilRoleHearsTheNextNewRequestAndNoMoreOnceGone() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "council-" + tag + "@council.example.org";
        String member = KeycloakAdmin.councilMember("council.t-" + tag, email, "Aminata", "Traoré", "en");
        String silent = KeycloakAdmin.councilMember("council.nomail-" + tag, null, "Sans", "Courriel", "ar");
        try (TestEvents events = new TestEvents()) {
            String requesting = People.party(events, "agadez", "fr", "Africa/Niamey");
            String partner = People.party(events, "semara", "ar", "Africa/Casablanca");

            JsonPath council = given().post("/api/council/refresh").then().statusCode(200).extract().jsonPath();
            assertThat(council.getList("members.username", String.class)).contains("council.t-" + tag, "council.nomail-" + tag);
            assertThat(council.getString("members.find { it.username == 'council.t-" + tag + "' }.language")).isEqualTo("en");
            assertThat(council.getString("members.find { it.username == 'council.nomail-" + tag + "' }.email")).isNull();

            UUID request = UUID.randomUUID();
            String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(), submitted(request, requesting, partner));
            List<Delivery> made = Deliveries.await(id, DeliveryStatus.SENT);
            assertThat(made).filteredOn(d -> d.recipient.equals(email)).singleElement()
                    .satisfies(d -> assertThat(d.contactId).isNull())
                    .satisfies(d -> assertThat(d.partyCode).as("a council member's row belongs to no city").isNull());
            assertThat(made).as("a member without an email is skipped").noneMatch(d -> d.recipient.contains("nomail"));
            Mailbox.Received mail = Mailbox.of(email, Deliveries.ids(made)).get(0);
            assertThat(mail.subject()).isEqualTo("New expertise request: \u2068Cartographie des nappes " + request.toString().substring(0, 8) + "\u2069");
            assertThat(mail.text()).contains("Hello Aminata Traoré").contains("Your turn: The Coordination Council reviews the request and votes in the portal");
        } finally {
            KeycloakAdmin.delete(member);
            KeycloakAdmin.delete(silent);
        }

        JsonPath after = given().post("/api/council/refresh").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("members.username", String.class)).doesNotContain("council.t-" + tag)
                .as("the demo realm's council is there too").contains("council.expert");
        try (TestEvents events = new TestEvents()) {
            UUID request = UUID.randomUUID();
            String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(),
                    submitted(request, People.party(events, "agadez", "fr", "Africa/Niamey"), "es-semara"));
            assertThat(Deliveries.await(id, DeliveryStatus.SENT)).extracting(d -> d.recipient)
                    .contains("council.expert@demo.twinning.invalid").doesNotContain(email);
        }
    }

    @Test
    @TestSecurity(user = "partner.agadez", roles = "partner")
    void onlyOpsAndTheSecretariatSeeOrRefreshTheCouncil() {
        given().get("/api/council").then().statusCode(403);
        given().post("/api/council/refresh").then().statusCode(403);
    }

    static ExchangeRequestChanged submitted(UUID id, String requesting, String partner) {
        return new ExchangeRequestChanged(id, requesting, partner, UUID.randomUUID(), "water-management",
                "Cartographie des nappes " + id.toString().substring(0, 8), "SUBMITTED", LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 31), "partner." + requesting, null, null, null, new Tally(0, 0, 0, 0), Instant.now(), 1);
    }
}
