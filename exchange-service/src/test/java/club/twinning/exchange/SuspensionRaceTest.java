package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * No window after a suspension: submissions race the consumer applying it. Each accepted one committed before the
 * suspension did (the consumer found it and put it on hold), and once the suspension is visible none is accepted.
 */
@QuarkusTest
class SuspensionRaceTest {

    @Test
    void everyRequestAcceptedDuringTheSuspensionWasCommittedBeforeItAndIsOnHold() throws Exception {
        try (TestEvents events = new TestEvents()) {
            UUID agreement = Network.agreementInForce(events, "tangier", "al-qods");
            List<String> accepted = Collections.synchronizedList(new ArrayList<>());
            List<String> acceptedAfter = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean suspendedSeen = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService submitters = Executors.newFixedThreadPool(3);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                running.add(submitters.submit(() -> {
                    while (!stop.get()) {
                        boolean afterSuspension = suspendedSeen.get(); // read before the call is sent
                        Map<String, Object> body = Calls.request("al-qods", "Course " + UUID.randomUUID());
                        body.put("agreementId", agreement.toString());
                        Response r = as("partner.tangier").body(body).post("/api/requests");
                        if (r.statusCode() == 201) {
                            accepted.add(r.path("id"));
                            if (afterSuspension) {
                                acceptedAfter.add(r.path("id"));
                            }
                        } else {
                            assertEquals(422, r.statusCode(), r.asString());
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            try {
                // Let submissions flow, then suspend while they go on.
                while (accepted.size() < 10) {
                    Thread.sleep(50);
                }
                Network.status(events, agreement, "tangier", "al-qods", "IN_FORCE", "SUSPENDED", 5, "course");
                Network.awaitStatus(agreement, "SUSPENDED");
                suspendedSeen.set(true);
                int refusedBefore = refused.get();
                while (refused.get() < refusedBefore + 10) {
                    Thread.sleep(50);
                }
            } finally {
                stop.set(true);
                for (Future<?> f : running) {
                    f.get(60, TimeUnit.SECONDS);
                }
                submitters.shutdown();
            }

            assertTrue(acceptedAfter.isEmpty(), "accepted after the suspension was visible: " + acceptedAfter);
            List<String> notHeld = QuarkusTransaction.requiringNew().call(() -> accepted.stream()
                    .filter(id -> ExchangeRequest.<ExchangeRequest>findById(UUID.fromString(id)).status != RequestStatus.ON_HOLD)
                    .toList());
            assertTrue(notHeld.isEmpty(), notHeld.size() + " of " + accepted.size()
                    + " accepted requests escaped the suspension (committed after it was applied): " + notHeld);
        }
    }
}
