package club.twinning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import club.twinning.events.EventType;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.events.payload.Tally;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.replica.KnownParty;
import club.twinning.testing.KafkaRecords;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each event is read into the events module's record of its type: data that does not bind is dead-lettered, an older
 * payload (without a field added since) is still read, a {@code dataschema} of v1 or none is read and another version
 * ignored; the registry's Arabic names reach Arabic readers; a contact or party event older than the local copy leaves
 * the copy as it is.
 */
@QuarkusTest
class TypedConsumerTest {

    static final String DEAD_LETTERS = "twinning.notification.dead-letters";

    static TestEvents events;
    static KafkaProducer<String, String> producer;
    static String agadez;
    static String semara;
    static ContactChanged requester;
    static ContactChanged host;

    @BeforeAll
    static void cities() {
        events = new TestEvents();
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaRecords.BOOTSTRAP);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        agadez = "agadez-" + UUID.randomUUID().toString().substring(0, 8);
        semara = "es-semara-" + UUID.randomUUID().toString().substring(0, 8);
        events.publish(EventType.PARTY_CREATED, agadez, new PartyChanged(agadez, "MUNICIPALITY", "Agadez", "أكادير", "Agadez",
                "NE", null, null, null, "Africa/Niamey", "fr", List.of(), 1));
        events.publish(EventType.PARTY_CREATED, semara, new PartyChanged(semara, "MUNICIPALITY", "Es-Semara", "السمارة",
                "Es-Semara", "MA", null, null, null, "Africa/Casablanca", "ar", List.of(), 1));
        requester = People.announce(events, People.contact(agadez, "fr", false, List.of("email"), null));
        host = People.announce(events, People.contact(semara, "ar", false, List.of("email"), null));
    }

    @AfterAll
    static void close() {
        events.close();
        producer.close();
    }

    @Test
    void theRegistrysArabicNamesAreKeptAndReachAnArabicReader() {
        KnownParty view = QuarkusTransaction.requiringNew().call(() -> KnownParty.<KnownParty>findById(semara));
        assertThat(view.nameAr).isEqualTo("السمارة");
        assertThat(view.nameFr).isEqualTo("Es-Semara");

        UUID request = UUID.randomUUID();
        String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(), request(request));
        List<Delivery> made = Deliveries.await(id, DeliveryStatus.SENT);
        Mailbox.Received arabic = Mailbox.of(host.email(), Deliveries.ids(made)).get(0);
        assertThat(arabic.text()).contains("\u2068أكادير\u2069").contains("\u2068السمارة\u2069").doesNotContain("Agadez")
                .contains("تدبير المجالات الصحراوية").contains("من 1 فبراير 2027 إلى 28 فبراير 2027");
        assertThat(arabic.html()).contains("<bdi>أكادير</bdi>");
        Mailbox.Received french = Mailbox.of(requester.email(), Deliveries.ids(made)).get(0);
        assertThat(french.text()).as("the receipt, elided").contains("adressée à \u2068Es-Semara\u2069")
                .contains("Gestion des espaces désertiques");
    }

    @Test
    void aCloudEventWhoseDataDoesNotBindToItsRecordIsDeadLetteredAndTheNextOnesFlow() {
        String wrongType = "unbound-" + UUID.randomUUID();
        events.send(EventType.REQUEST_SUBMITTED.topic(), wrongType, "{\"requestId\": \"not-a-uuid\", \"title\": \"x\"}",
                EventType.REQUEST_SUBMITTED.type(), UUID.randomUUID().toString());
        String noId = "no-id-" + UUID.randomUUID();
        events.send(EventType.VISIT_PLANNED.topic(), noId, "{\"hostParty\": \"" + semara + "\"}", EventType.VISIT_PLANNED.type(),
                UUID.randomUUID().toString());
        String notAnObject = "array-" + UUID.randomUUID();
        events.send(EventType.REQUEST_DECIDED.topic(), notAnObject, "[1, 2]", EventType.REQUEST_DECIDED.type(),
                UUID.randomUUID().toString());

        for (String key : List.of(wrongType, noId, notAnObject)) {
            KafkaRecords.first(DEAD_LETTERS, r -> key.equals(r.key()));
        }
        UUID request = UUID.randomUUID();
        String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(), request(request));
        assertThat(Deliveries.await(id, DeliveryStatus.SENT)).extracting(d -> d.recipient).contains(host.email());
    }

    @Test
    void anOlderPayloadWithoutAFieldAddedSinceIsStillRead() {
        UUID request = UUID.randomUUID();
        // Version 1 as a producer wrote it before `tally`, `agreementId` and `at` were added: no such fields at all.
        String old = """
                {"requestId": "%s", "requestingParty": "%s", "partnerParty": "%s", "domain": "desert-land-management",
                 "title": "Ancienne demande", "status": "APPROVED", "windowStart": "2027-03-01", "windowEnd": "2027-03-10",
                 "actor": "council.expert", "version": 3}""".formatted(request, agadez, semara);
        String id = UUID.randomUUID().toString();
        events.send(EventType.REQUEST_DECIDED.topic(), request.toString(), old, EventType.REQUEST_DECIDED.type(), id);
        List<Delivery> made = Deliveries.await(id, DeliveryStatus.SENT);
        assertThat(made).extracting(d -> d.recipient).containsExactlyInAnyOrder(requester.email(), host.email());
        Mailbox.Received mail = Mailbox.of(requester.email(), Deliveries.ids(made)).get(0);
        assertThat(mail.subject()).isEqualTo("Demande \u2068Ancienne demande\u2069 : approuvée");
        assertThat(mail.text()).as("no votes to show").doesNotContain("Votes du Conseil")
                .contains("À vous d'agir").contains("\u2068Agadez\u2069 planifie la visite dans le portail")
                .as("the footer elides too").contains("en tant que contact d'\u2068Agadez\u2069");
    }

    @Test
    void aDataschemaOfVersionOneOrNoneIsReadAnotherVersionIgnored() {
        UUID request = UUID.randomUUID();
        String v2 = UUID.randomUUID().toString();
        send(EventType.REQUEST_DECIDED, request.toString(), v2, "https://twinning.club/events/v2/" + EventType.REQUEST_DECIDED.type(),
                "{\"requestId\": \"" + request + "\", \"requestingParty\": \"" + agadez + "\", \"partnerParty\": \"" + semara
                        + "\", \"decision\": {\"status\": \"APPROVED\"}}");
        String v1 = UUID.randomUUID().toString();
        send(EventType.REQUEST_DECIDED, request.toString(), v1, "https://twinning.club/events/v1/" + EventType.REQUEST_DECIDED.type(),
                data(request(request)));
        // Same key, same partition: once v1's deliveries exist, v2 was consumed before it.
        assertThat(Deliveries.await(v1, DeliveryStatus.SENT)).extracting(d -> d.recipient)
                .containsExactlyInAnyOrder(requester.email(), host.email());
        assertThat(Deliveries.of(v2)).as("a version this service does not read is ignored").isEmpty();
    }

    @Test
    void aContactOrPartyEventOlderThanTheLocalCopyLeavesItAsItIs() {
        ContactChanged first = People.announce(events, People.contact(agadez, "fr", false, List.of("email"), null));
        People.announce(events, People.deactivated(first)); // version 1
        eventually(() -> KnownParty.<KnownParty>findById(agadez) != null);
        // Same keys as the newer events, so the same partitions: once the stale ones are logged, they were applied or not.
        ContactChanged stale = new ContactChanged(first.contactId(), first.partyCode(), "Stale name", first.title(),
                first.email(), first.language(), first.channels(), null, false, true, 0);
        String staleContact = events.publish(EventType.CONTACT_UPDATED, first.contactId().toString(), stale);
        String staleParty = events.publish(EventType.PARTY_UPDATED, agadez, new PartyChanged(agadez, "MUNICIPALITY",
                "Stale Agadez", null, null, "NE", null, null, null, "UTC", "en", List.of(), 0));
        eventually(() -> processed(staleContact) && processed(staleParty));
        QuarkusTransaction.requiringNew().run(() -> {
            KnownContact contact = KnownContact.findById(first.contactId());
            assertThat(contact.version).isEqualTo(1);
            assertThat(contact.active).isFalse();
            assertThat(contact.name).isEqualTo(first.name());
            KnownParty party = KnownParty.findById(agadez);
            assertThat(party.version).isEqualTo(1);
            assertThat(party.nameFr).isEqualTo("Agadez");
            assertThat(party.timeZone).isEqualTo("Africa/Niamey");
        });
    }

    private static boolean processed(String eventId) {
        return ((Number) KnownContact.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() > 0;
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(condition));
    }

    private static void send(EventType type, String key, String id, String dataschema, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, value);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_type", bytes(type.type()))
                .add("ce_source", bytes("/twinning/test")).add("ce_subject", bytes(key))
                .add("ce_dataschema", bytes(dataschema)).add("content-type", bytes("application/json"));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String data(Record payload) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExchangeRequestChanged request(UUID id) {
        return new ExchangeRequestChanged(id, agadez, semara, UUID.randomUUID(), "desert-land-management",
                "Gestion de l'eau en zone aride", "SUBMITTED", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28),
                "partner.agadez", null, null, null, new Tally(0, 0, 0, 0), Instant.now(), 1);
    }
}
