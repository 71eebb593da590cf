package club.twinning.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.events.EventType;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.service.CouncilDirectory;
import club.twinning.testing.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keycloak goes down: the council stays the last good list (logged, counted), and its news still reach it. */
@QuarkusTest
@QuarkusTestResource(Outages.class)
class KeycloakOutageTest {

    static final String EXPERT = "council.expert@demo.twinning.invalid";

    @Inject
    CouncilDirectory directory;
    @Inject
    MeterRegistry metrics;

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void whileKeycloakIsDownTheLastGoodCouncilStaysAndHearsTheNews() {
        CouncilDirectory.Refresh good = directory.refresh();
        assertThat(good.ok()).isTrue();
        assertThat(good.members()).extracting(m -> m.email).contains(EXPERT);

        Outages.keycloak.down();
        try {
            double failedBefore = failed();
            CouncilDirectory.Refresh refresh = directory.refresh();
            assertThat(refresh.ok()).isFalse();
            assertThat(refresh.error()).isNotBlank();
            assertThat(refresh.members()).extracting(m -> m.email).contains(EXPERT);
            assertThat(failed()).isEqualTo(failedBefore + 1);

            given().post("/api/council/refresh").then().statusCode(503).header("Retry-After", "30")
                    .contentType("application/problem+json");
            given().get("/api/council").then().statusCode(200);

            try (TestEvents events = new TestEvents()) {
                UUID request = UUID.randomUUID();
                String id = events.publish(EventType.REQUEST_SUBMITTED, request.toString(), CouncilTest.submitted(request,
                        People.party(events, "agadez", "fr", "Africa/Niamey"), "es-semara"));
                assertThat(Deliveries.await(id, DeliveryStatus.SENT)).extracting(d -> d.recipient).contains(EXPERT);
            }
        } finally {
            Outages.keycloak.up();
        }
        assertThat(directory.refresh().ok()).as("back once Keycloak is").isTrue();
    }

    private double failed() {
        var counter = metrics.find("twinning.council.refreshes").tag("outcome", "failed").counter();
        return counter == null ? 0 : counter.count();
    }
}
