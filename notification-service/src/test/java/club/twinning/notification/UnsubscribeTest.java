package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import club.twinning.events.EventType;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.VisitChanged;
import club.twinning.notification.domain.ContactPreference;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.service.MailComposer;
import club.twinning.testing.TestEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 8058: an optional notice carries List-Unsubscribe(-Post); the signed link turns that kind off without login. */
@QuarkusTest
class UnsubscribeTest {

    static TestEvents events;
    static String host;
    static String visiting;
    static ContactChanged contact;

    @Inject
    MailComposer composer;
    @Inject
    ObjectMapper json;

    @BeforeAll
    static void people() {
        events = new TestEvents();
        host = People.party(events, "tangier", "fr", "Africa/Casablanca");
        visiting = People.party(events, "banjul", "en", "Africa/Banjul");
        contact = People.announce(events, People.contact(host, "ar", false, List.of("email"), null));
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void theOneClickLinkTurnsThatKindOffForThatContactOnlyAndForgedOnesAreRefused() throws Exception {
        MailComposer.Mail mail = QuarkusTransaction.requiringNew().call(() -> composer.compose(EventType.VISIT_PLANNED.type(),
                Delivery.NOTICE, json.writeValueAsString(visit(UUID.randomUUID())), "ar",
                MailComposer.Reader.of(contact.contactId(), contact.name())));
        assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String header = mail.headers().get("List-Unsubscribe");
        assertThat(header).startsWith("<http://127.0.0.1:8083/unsubscribe?token=").endsWith(">");
        assertThat(mail.html()).contains("/app/contacts?party=" + host).contains(header.substring(1, header.length() - 1));
        String token = URI.create(header.substring(1, header.length() - 1)).getQuery().substring("token=".length());

        // A person following the footer link is asked first (link scanners fetch links): nothing changes yet.
        given().queryParam("token", token).get("/unsubscribe").then().statusCode(200)
                .body(containsString("lang=\"ar\"")).body(containsString("الزيارات المبرمجة")).body(containsString("<form"));
        assertThat(wants(EventType.VISIT_PLANNED)).isTrue();

        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        given().queryParam("token", forged).formParam("List-Unsubscribe", "One-Click").post("/unsubscribe").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        given().formParam("List-Unsubscribe", "One-Click").post("/unsubscribe").then().statusCode(400)
                .contentType("application/problem+json");

        // The mail client's one click: no login, no cookie.
        given().queryParam("token", token).formParam("List-Unsubscribe", "One-Click").post("/unsubscribe").then()
                .statusCode(200).body(containsString("id=\"done\"")).body(not(containsString("<form")));
        assertThat(wants(EventType.VISIT_PLANNED)).isFalse();
        assertThat(wants(EventType.VISIT_CONFIRMED)).as("other kinds continue").isTrue();
        given().queryParam("token", token).formParam("List-Unsubscribe", "One-Click").post("/unsubscribe").then()
                .statusCode(200);

        // From now on a planned visit no longer reaches this contact, a confirmed one still does.
        UUID visit = UUID.randomUUID();
        String planned = events.publish(EventType.VISIT_PLANNED, visit.toString(), visit(visit));
        String confirmed = events.publish(EventType.VISIT_CONFIRMED, visit.toString(), visit(visit));
        assertThat(Deliveries.await(confirmed, DeliveryStatus.SENT)).extracting(d -> d.recipient).contains(contact.email());
        assertThat(Deliveries.of(planned)).extracting(d -> d.recipient).doesNotContain(contact.email());
    }

    @Test
    void aDigestCarriesTheOneClickLinkWhichTurnsTheContactsEmailsOff() {
        ContactChanged reader = People.announce(events, People.contact(host, "fr", false, List.of("email"), null));
        MailComposer.Mail digest = QuarkusTransaction.requiringNew().call(() -> composer.digest(
                List.of(new MailComposer.Line("Visite prévue", "Une délégation se rendra à Tanger.", null)), "fr",
                MailComposer.Reader.of(reader.contactId(), reader.name())));
        assertThat(digest.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String header = digest.headers().get("List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);
        assertThat(digest.text()).contains("/app/contacts?party=" + host).contains(url);
        String token = URI.create(url).getQuery().substring("token=".length());

        given().queryParam("token", token).get("/unsubscribe").then().statusCode(200)
                .body(containsString("Résumés quotidiens")).body(containsString("<form"));
        assertThat(wants(reader, EventType.VISIT_PLANNED, Delivery.EMAIL)).isTrue();
        given().queryParam("token", token).formParam("List-Unsubscribe", "One-Click").post("/unsubscribe").then()
                .statusCode(200).body(containsString("id=\"done\""));
        assertThat(wants(reader, EventType.VISIT_PLANNED, Delivery.EMAIL)).as("no more emails, digest or not").isFalse();
        assertThat(wants(reader, EventType.REQUEST_DECIDED, Delivery.EMAIL)).isFalse();
        assertThat(wants(reader, EventType.VISIT_PLANNED, Delivery.WEBHOOK)).as("webhooks go on").isTrue();
    }

    private static boolean wants(ContactChanged who, EventType type, String channel) {
        return QuarkusTransaction.requiringNew().call(() -> ContactPreference.of(who.contactId()).wants(type.type(), channel));
    }

    @Test
    void aReceiptAndAMailToTheCouncilCarryNoUnsubscribe() throws Exception {
        MailComposer.Mail council = QuarkusTransaction.requiringNew().call(() -> composer.compose(EventType.VISIT_PLANNED.type(),
                Delivery.NOTICE, json.writeValueAsString(visit(UUID.randomUUID())), "fr", MailComposer.Reader.of(null, "Council")));
        assertThat(council.headers()).isEmpty();
        assertThat(council.text()).contains("membre du Conseil de coordination").doesNotContain("unsubscribe");
    }

    private static boolean wants(EventType type) {
        return QuarkusTransaction.requiringNew().call(() -> ContactPreference.of(contact.contactId()).wants(type.type(), Delivery.EMAIL));
    }

    private static VisitChanged visit(UUID id) {
        return new VisitChanged(id, UUID.randomUUID(), host, visiting, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 3),
                "PLANNED", "partner.banjul", null, null, Instant.now(), 1);
    }
}
