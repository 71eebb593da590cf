package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static org.hamcrest.Matchers.equalTo;

import club.twinning.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests rest on the read model: with no registry event arriving (the registry down, the consumer
 * paused), requests are still accepted and decided; when events flow again, a suspension blocks new ones.
 */
@QuarkusTest
class RegistryIndependenceTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void requestsGoOnWithoutTheRegistryAndASuspensionBlocksNewOnesOnceHeard() throws InterruptedException {
        try (TestEvents events = new TestEvents()) {
            UUID agreement = Network.agreementInForce(events, "banjul", "es-semara");
            Map<String, Object> body = Calls.request("es-semara", "Sans le registre");
            body.put("agreementId", agreement.toString());

            kafka.getConsumer("registry").pause().await().indefinitely();
            try {
                // Pausing takes effect at the consumer's next poll: let a poll in flight finish first.
                Thread.sleep(2000);
                Network.status(events, agreement, "banjul", "es-semara", "IN_FORCE", "SUSPENDED", 9);
                String id = as("partner.banjul").body(body).post("/api/requests").then().statusCode(201).extract().path("id");
                Calls.approve(id);
            } finally {
                kafka.getConsumer("registry").resume().await().indefinitely();
            }

            Network.awaitStatus(agreement, "SUSPENDED");
            as("partner.banjul").body(body).post("/api/requests").then().statusCode(422)
                    .body("type", equalTo("urn:twinning:problem:agreement-not-in-force"))
                    .body("agreementStatus", equalTo("SUSPENDED"));
            // An event older than what the read model holds never takes it back.
            Network.status(events, agreement, "banjul", "es-semara", "SUSPENDED", "IN_FORCE", 5);
            Network.status(events, agreement, "banjul", "es-semara", "SUSPENDED", "TERMINATED", 10);
            Network.awaitStatus(agreement, "TERMINATED");
        }
    }
}
