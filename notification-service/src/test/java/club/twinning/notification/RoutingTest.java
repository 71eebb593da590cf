package club.twinning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.events.EventType;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.RelationshipDormant;
import club.twinning.events.payload.Tally;
import club.twinning.events.payload.VisitChanged;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who hears what, in which language, and only once: real Kafka in, real SMTP out. */
@QuarkusTest
class RoutingTest {

    private static final String SECRETARIAT = "secretariat@twinning.example.org";
    static TestEvents events;
    static String agadez;
    static String semara;
    static ContactChanged requester;
    static ContactChanged host;
    static ContactChanged former;
    static ContactChanged council;

    @BeforeAll
    static void cities() {
        events = new TestEvents();
        agadez = People.party(events, "agadez", "fr", "Africa/Niamey");
        semara = People.party(events, "semara", "ar", "Africa/Casablanca");
        requester = People.announce(events, People.contact(agadez, "fr", false, List.of("email"), null));
        host = People.announce(events, People.contact(semara, "ar", false, List.of("email"), null));
        former = People.announce(events, People.deactivated(
                People.announce(events, People.contact(semara, "fr", false, List.of("email"), null))));
        council = People.announce(events, People.contact(People.party(events, "tombouctou", "fr", "Africa/Bamako"), "en",
                true, List.of("email"), null));
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aSubmittedRequestReachesThePartnerCityAndTheCouncilInTheirLanguagesAndTheSubmittingCityGetsAReceipt() {
        UUID request = UUID.randomUUID();
        String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(), request(request, "SUBMITTED"));

        List<Delivery> made = Deliveries.await(id, DeliveryStatus.SENT);
        // Every active council member of the network hears, so other tests' members may too.
        assertThat(made).filteredOn(d -> Delivery.NOTICE.equals(d.purpose)).extracting(d -> d.recipient)
                .contains(host.email(), council.email()).doesNotContain(requester.email())
                .as("an inactive contact hears nothing").doesNotContain(former.email());
        assertThat(made).filteredOn(d -> Delivery.RECEIPT.equals(d.purpose)).extracting(d -> d.recipient)
                .as("the submitting city's contacts get a receipt").containsExactly(requester.email());

        Mailbox.Received arabic = Mailbox.of(host.email(), Deliveries.ids(made)).get(0);
        assertThat(arabic.subject()).startsWith("طلب خبرة جديد").contains("Gestion de l'eau");
        assertThat(arabic.html()).contains("dir=\"rtl\"").contains("lang=\"ar\"");
        assertThat(arabic.text()).contains("Gestion de l'eau");

        Mailbox.Received english = Mailbox.of(council.email(), Deliveries.ids(made)).get(0);
        assertThat(english.subject()).startsWith("New expertise request");
        assertThat(english.html()).contains("dir=\"ltr\"").contains("lang=\"en\"");

        Mailbox.Received receipt = Mailbox.of(requester.email(), Deliveries.ids(made)).get(0);
        assertThat(receipt.subject()).isEqualTo("Demande reçue : \u2068Gestion de l'eau en zone aride\u2069");
        assertThat(receipt.text()).contains("Votre demande « \u2068Gestion de l'eau en zone aride\u2069 »")
                .as("its number").contains(request.toString()).contains("du 1er février 2027 au 28 février 2027")
                .as("its page").contains("http://127.0.0.1:8080/app/requests/" + request);
    }

    @Test
    void aHoldAndItsEndReachBothCitiesAClosureAndAFlaggedVisitTheCouncilAndSecretariatTooWithTheReasonQuoted() {
        UUID request = UUID.randomUUID();
        String held = events.publish(EventType.REQUEST_ON_HOLD, request.toString(),
                request(request, "ON_HOLD", "Eau " + request, "Travaux de la mairie"));
        List<Delivery> hold = Deliveries.await(held, DeliveryStatus.SENT);
        assertThat(hold).extracting(d -> d.recipient).containsExactlyInAnyOrder(requester.email(), host.email());
        assertThat(Mailbox.of(requester.email(), Deliveries.ids(hold)).get(0)).satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Demande \u2068Eau " + request + "\u2069 en attente : accord suspendu");
            assertThat(m.text()).contains("Motif indiqué par \u2068partner." + agadez + "\u2069, tel que saisi :")
                    .contains("> \u2068Travaux de la mairie\u2069");
        });
        Mailbox.Received arabic = Mailbox.of(host.email(), Deliveries.ids(hold)).get(0);
        assertThat(arabic.subject()).startsWith("الطلب").contains("معلق");
        assertThat(arabic.html()).contains("dir=\"rtl\"").contains("السبب كما كتبه")
                .contains("<blockquote dir=\"auto\"").contains(">Travaux de la mairie</blockquote>");

        String resumed = events.publish(EventType.REQUEST_RESUMED, request.toString(), request(request, "SUBMITTED", "Eau " + request, null));
        List<Delivery> resume = Deliveries.await(resumed, DeliveryStatus.SENT);
        assertThat(resume).extracting(d -> d.recipient).containsExactlyInAnyOrder(requester.email(), host.email());
        assertThat(Mailbox.of(requester.email(), Deliveries.ids(resume)).get(0).text())
                .contains("reprend là où elle en était").doesNotContain("Motif");

        String closed = events.publish(EventType.REQUEST_CLOSED, request.toString(),
                request(request, "CLOSED", "Eau " + request, "L'accord a été résilié <b>d'un commun accord</b>"));
        List<Delivery> close = Deliveries.await(closed, DeliveryStatus.SENT);
        assertThat(close).extracting(d -> d.recipient).contains(requester.email(), host.email(), council.email(), SECRETARIAT);
        assertThat(Mailbox.of(SECRETARIAT, Deliveries.ids(close)).get(0)).as("the secretariat sees what its decision closed")
                .satisfies(m -> assertThat(m.text()).contains("http://127.0.0.1:8080/app/requests/" + request));
        Mailbox.Received toCouncil = Mailbox.of(council.email(), Deliveries.ids(close)).get(0);
        assertThat(toCouncil.subject()).isEqualTo("Request \u2068Eau " + request + "\u2069 closed: the agreement has ended");
        assertThat(toCouncil.text()).contains("> \u2068L'accord a été résilié <b>d'un commun accord</b>\u2069");
        assertThat(toCouncil.html()).as("the user's words are text, not markup").contains("&lt;b&gt;");

        UUID visit = UUID.randomUUID();
        String flagged = events.publish(EventType.VISIT_FLAGGED, visit.toString(), new VisitChanged(visit, request, semara,
                agadez, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5), "PLANNED", "exchange-service",
                "Accord suspendu le 3 janvier", null, Instant.now(), 2));
        List<Delivery> flag = Deliveries.await(flagged, DeliveryStatus.SENT);
        assertThat(flag).extracting(d -> d.recipient).contains(requester.email(), host.email(), council.email(), SECRETARIAT);
        assertThat(Mailbox.of(SECRETARIAT, Deliveries.ids(flag)).get(0))
                .satisfies(m -> assertThat(m.text()).contains("http://127.0.0.1:8080/app/visits/" + visit));
        assertThat(Mailbox.of(requester.email(), Deliveries.ids(flag)).get(0)).satisfies(m -> {
            assertThat(m.subject()).startsWith("Visite à revoir : ");
            assertThat(m.text()).contains("du 1er février 2027 au 5 février 2027")
                    .contains("Motif indiqué, tel que saisi :").contains("> \u2068Accord suspendu le 3 janvier\u2069")
                    .contains("http://127.0.0.1:8080/app/visits/" + visit);
        });
    }

    @Test
    void aDecisionAndAVisitReachBothCities() {
        UUID request = UUID.randomUUID();
        String decided = events.publish(EventType.REQUEST_DECIDED, request.toString(), request(request, "APPROVED"));
        assertThat(Deliveries.await(decided, DeliveryStatus.SENT)).extracting(d -> d.recipient)
                .containsExactlyInAnyOrder(requester.email(), host.email());

        UUID visit = UUID.randomUUID();
        String planned = events.publish(EventType.VISIT_PLANNED, visit.toString(), new VisitChanged(visit, request, semara,
                agadez, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5), "PLANNED", "partner." + agadez, null, null,
                Instant.now(), 1));
        assertThat(Deliveries.await(planned, DeliveryStatus.SENT)).extracting(d -> d.recipient)
                .containsExactlyInAnyOrder(requester.email(), host.email());
    }

    @Test
    void aDormantTwinningReachesTheCouncilAndTheSecretariat() {
        String id = events.publish(EventType.RELATIONSHIP_DORMANT, agadez + ":" + semara, new RelationshipDormant(agadez,
                semara, UUID.randomUUID(), 400L, "D", List.of("no visit for 400 days")));
        List<Delivery> made = Deliveries.await(id, DeliveryStatus.SENT);
        assertThat(made).extracting(d -> d.recipient).contains(council.email(), SECRETARIAT)
                .doesNotContain(requester.email(), host.email());
    }

    @Test
    void aRedeliveredEventMakesOneEmail() {
        UUID request = UUID.randomUUID();
        String title = "Retrait " + request;
        String id = UUID.randomUUID().toString();
        ExchangeRequestChanged withdrawn = request(request, "WITHDRAWN", title);
        events.publish(EventType.REQUEST_WITHDRAWN, request.toString(), withdrawn, id);
        events.publish(EventType.REQUEST_WITHDRAWN, request.toString(), withdrawn, id);
        // A later event on the same key (same partition) proves the redelivery has been consumed too.
        String after = events.publish(EventType.REQUEST_WITHDRAWN, request.toString(), request(request, "WITHDRAWN", "after"));
        Deliveries.await(after, DeliveryStatus.SENT);
        List<Delivery> once = Deliveries.of(id);
        assertThat(once).extracting(d -> d.recipient).containsExactlyInAnyOrder(requester.email(), host.email());
        assertThat(once).allMatch(d -> d.status == DeliveryStatus.SENT && d.attempts == 1);
        assertThat(Mailbox.of(requester.email(), Deliveries.ids(once))).hasSize(1).allMatch(m -> m.subject().contains(title));
    }

    @Test
    void aMessageThatIsNoCloudEventGoesToTheDeadLetterTopicAndTheNextOnesFlow() {
        String key = "poison-" + UUID.randomUUID();
        events.send(EventType.REQUEST_SUBMITTED.topic(), key, "{not json", null, null);
        UUID request = UUID.randomUUID();
        String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(), request(request, "SUBMITTED"));

        // At least ours: a running dev stack's notification-service reads the same topic and dead-letters it too.
        club.twinning.testing.KafkaRecords.first("twinning.notification.dead-letters", r -> key.equals(r.key()));
        assertThat(Deliveries.await(id, DeliveryStatus.SENT)).extracting(d -> d.recipient).contains(host.email(), council.email());
    }

    private ExchangeRequestChanged request(UUID id, String status) {
        return request(id, status, "Gestion de l'eau en zone aride");
    }

    private ExchangeRequestChanged request(UUID id, String status, String title) {
        return request(id, status, title, null);
    }

    private ExchangeRequestChanged request(UUID id, String status, String title, String reason) {
        return new ExchangeRequestChanged(id, agadez, semara, UUID.randomUUID(), "desert-land-management",
                title, status, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28),
                "partner." + agadez, reason, null, null, new Tally(0, 0, 0, 0), Instant.now(), 1);
    }
}
