package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.EventType;
import club.twinning.events.Topics;
import club.twinning.events.payload.AgreementChanged;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.CommitmentDue;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.events.payload.RenewalDue;
import club.twinning.registry.service.LifecycleJob;
import club.twinning.testing.KafkaRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every registry event reaches Kafka once, as a CloudEvent whose data is exactly the contract's record. */
@QuarkusTest
@TestSecurity(user = "secretariat", roles = "secretariat")
class RegistryEventsTest {

    @Inject
    ObjectMapper json;

    @Inject
    LifecycleJob lifecycle;

    @Test
    void partiesAndContacts() throws Exception {
        String code = Fixtures.createParty("evt");
        String etag = given().get("/api/parties/" + code).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Fixtures.party(code)).put("/api/parties/" + code)
                .then().statusCode(200);
        List<ConsumerRecord<String, String>> parties = KafkaRecords.consume(Topics.PARTIES, Set.of(code), 2);
        assertEquals(List.of(EventType.PARTY_CREATED.type(), EventType.PARTY_UPDATED.type()), types(parties));
        PartyChanged created = json.readValue(parties.get(0).value(), PartyChanged.class);
        assertEquals(code, created.code());
        assertEquals("Africa/Casablanca", created.timeZone());
        assertEquals(List.of("culture"), created.expertiseDomains());

        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Awa", "email", "awa@example.org", "language", "fr", "councilMember", true))
                .post("/api/parties/" + code + "/contacts").then().statusCode(201).extract().path("id");
        for (boolean active : new boolean[] {true, false}) {
            String tag = given().get("/api/contacts/" + id).then().extract().header("ETag");
            given().contentType(ContentType.JSON).header("If-Match", tag)
                    .body(Map.of("name", "Awa", "email", "awa@example.org", "language", "ar", "active", active))
                    .put("/api/contacts/" + id).then().statusCode(200);
        }
        List<ConsumerRecord<String, String>> contacts = KafkaRecords.consume(Topics.CONTACTS, Set.of(id), 3);
        assertEquals(List.of(EventType.CONTACT_CREATED.type(), EventType.CONTACT_UPDATED.type(),
                EventType.CONTACT_DEACTIVATED.type()), types(contacts));
        ContactChanged last = json.readValue(contacts.get(2).value(), ContactChanged.class);
        assertEquals(code, last.partyCode());
        assertEquals("ar", last.language());
        assertFalse(last.active());
        assertEquals(List.of("email"), last.channels());
        assertEquals(id, KafkaRecords.headers(contacts.get(0)).get("ce_subject"));
    }

    @Test
    void agreementsTheirStatusCommitmentsAndRenewal() throws Exception {
        String a = Fixtures.createParty("evt-a");
        String b = Fixtures.createParty("evt-b");
        String id = Fixtures.createAgreement(Fixtures.unique("EVT"), List.of(a, b));
        Map<String, Object> edit = new HashMap<>(Fixtures.agreement(
                given().get("/api/agreements/" + id).then().extract().path("reference"), List.of(a, b)));
        edit.put("expiresOn", "2027-01-31");
        edit.put("noticeDays", 30);
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(edit).put("/api/agreements/" + id)
                .then().statusCode(200);
        Fixtures.bringIntoForce(id);
        // The commitment falls due on 2026-01-31, the notice opens on 2027-01-01: one day's run sees both.
        lifecycle.run(LocalDate.of(2027, 1, 2));
        lifecycle.run(LocalDate.of(2027, 1, 3));

        List<ConsumerRecord<String, String>> records = KafkaRecords.consume(Topics.AGREEMENTS, Set.of(id), 8);
        assertEquals(List.of(EventType.AGREEMENT_CREATED.type(), EventType.AGREEMENT_UPDATED.type(),
                EventType.AGREEMENT_STATUS_CHANGED.type(), EventType.AGREEMENT_STATUS_CHANGED.type(),
                EventType.AGREEMENT_STATUS_CHANGED.type(), EventType.AGREEMENT_STATUS_CHANGED.type()),
                types(records.subList(0, 6)));
        assertEquals(Set.of(EventType.COMMITMENT_DUE.type(), EventType.RENEWAL_DUE.type()),
                Set.copyOf(types(records.subList(6, 8))), "announced once, though the job ran twice");

        AgreementChanged created = json.readValue(records.get(0).value(), AgreementChanged.class);
        assertEquals(List.of(a, b), created.partyCodes());
        assertEquals("DRAFT", created.status());
        assertEquals(1, created.commitments().size());
        AgreementStatusChanged inForce = json.readValue(records.get(5).value(), AgreementStatusChanged.class);
        assertEquals("SIGNED", inForce.from());
        assertEquals("IN_FORCE", inForce.to());
        assertEquals("secretariat", inForce.actor());
        assertEquals("test step", inForce.reason());
        for (ConsumerRecord<String, String> r : records.subList(6, 8)) {
            String type = KafkaRecords.headers(r).get("ce_type");
            if (type.equals(EventType.RENEWAL_DUE.type())) {
                RenewalDue due = json.readValue(r.value(), RenewalDue.class);
                assertEquals(LocalDate.of(2027, 1, 31), due.expiresOn());
                assertEquals(LocalDate.of(2027, 1, 1), due.noticeOpenedOn());
            } else {
                CommitmentDue due = json.readValue(r.value(), CommitmentDue.class);
                assertEquals(LocalDate.of(2026, 1, 31), due.dueDate());
                assertEquals(a, due.commitment().owningParty());
            }
        }
        Map<String, String> headers = KafkaRecords.headers(records.get(0));
        assertEquals("/twinning/registry-service", headers.get("ce_source"));
        assertEquals("1.0", headers.get("ce_specversion"));
        assertTrue(records.stream().map(r -> KafkaRecords.headers(r).get("ce_id")).collect(Collectors.toSet()).size() == 8);
    }

    @Test
    void pastTheirEndAgreementsExpireOrRenewTacitly() {
        String a = Fixtures.createParty("exp-a");
        String b = Fixtures.createParty("exp-b");
        String expiring = Fixtures.createAgreement(Fixtures.unique("EXP"), List.of(a, b));
        String renewing = Fixtures.createAgreement(Fixtures.unique("REN"), List.of(a, b));
        for (String[] change : new String[][] {{expiring, "false"}, {renewing, "true"}}) {
            Map<String, Object> edit = new HashMap<>(Fixtures.agreement(
                    given().get("/api/agreements/" + change[0]).then().extract().path("reference"), List.of(a, b)));
            edit.put("signedOn", "2024-12-20");
            edit.put("effectiveFrom", "2025-01-01");
            edit.put("expiresOn", "2026-01-01");
            edit.put("tacitRenewal", Boolean.parseBoolean(change[1]));
            edit.put("renewalTermMonths", 12);
            String etag = given().get("/api/agreements/" + change[0]).then().extract().header("ETag");
            given().contentType(ContentType.JSON).header("If-Match", etag).body(edit).put("/api/agreements/" + change[0])
                    .then().statusCode(200);
            Fixtures.bringIntoForce(change[0]);
        }
        lifecycle.run(LocalDate.of(2026, 1, 2));
        given().get("/api/agreements/" + expiring).then().body("status", org.hamcrest.Matchers.equalTo("EXPIRED"));
        given().get("/api/agreements/" + renewing).then().body("status", org.hamcrest.Matchers.equalTo("IN_FORCE"))
                .body("expiresOn", org.hamcrest.Matchers.equalTo("2027-01-01"));
        given().get("/api/agreements/" + expiring + "/history").then()
                .body("findAll { it.to == 'EXPIRED' }.actor", org.hamcrest.Matchers.hasItem("system"));
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaRecords.headers(r).get("ce_type")).toList();
    }
}
