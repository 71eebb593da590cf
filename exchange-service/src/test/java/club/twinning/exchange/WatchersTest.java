package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.EventType;
import club.twinning.events.Topics;
import club.twinning.exchange.service.Watchers;
import club.twinning.testing.KafkaRecords;
import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WatchersTest {

    @Inject
    Watchers watchers;

    @Test
    void anUndecidedRequestIsEscalatedOnce() {
        try (TestEvents events = new TestEvents()) {
            Network.agreementInForce(events, "agadez", "es-semara");
        }
        String id = Calls.submit("partner.agadez", "es-semara");
        Instant later = Instant.now().plus(15, ChronoUnit.DAYS);
        assertTrue(watchers.escalate(later) >= 1);
        watchers.escalate(later.plus(1, ChronoUnit.DAYS));
        List<ConsumerRecord<String, String>> records = KafkaRecords.consume(Topics.REQUESTS,
                r -> id.equals(r.key()) && EventType.REQUEST_ESCALATED.type().equals(KafkaRecords.headers(r).get("ce_type")), 1);
        assertTrue(records.get(0).value().contains("\"actor\":\"system\""));
    }

    @Test
    void aQuietTwinningIsAnnouncedDormantOnceAndGradedWithReasons() {
        String quietA = "quiet-a-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String quietB = "quiet-b-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (TestEvents events = new TestEvents()) {
            Network.agreementInForce(events, quietA, quietB);
        }
        LocalDate inTwoYears = LocalDate.now().plusYears(2);
        assertTrue(watchers.watchRelationships(inTwoYears) >= 1);
        watchers.watchRelationships(inTwoYears);
        List<ConsumerRecord<String, String>> records = KafkaRecords.consume(Topics.RELATIONSHIPS,
                Set.of(quietA + "|" + quietB), 1);
        assertEquals(EventType.RELATIONSHIP_DORMANT.type(), KafkaRecords.headers(records.get(0)).get("ce_type"));
        as("council.expert").get("/api/relationships").then().statusCode(200)
                .body("find { it.partyA == '" + quietA + "' }.reasons", org.hamcrest.Matchers.hasItem("no completed visit yet"));
        as("partner.agadez").get("/api/relationships").then().statusCode(200)
                .body("partyA", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(quietA)));
    }
}
