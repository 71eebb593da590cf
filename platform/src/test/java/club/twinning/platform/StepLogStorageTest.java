package club.twinning.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import club.twinning.platform.state.StateMachine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A service's step log extending StatusStepRecord stores its typed statuses by name and reads them back in order. */
@QuarkusTest
class StepLogStorageTest {

    @Test
    void theStepsOfAMachineAreLoggedWithTheirStatuses() {
        StateMachine<DoorStatus> doors = new StateMachine<>("a door", "forbidden-step", Clock.systemUTC());
        String door = "door-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            DoorStep.of(door, doors.start(DoorStatus.OPEN, "ops")).persist();
            DoorStep.of(door, doors.move(DoorStatus.OPEN, DoorStatus.SHUT, "secretariat", "night")).persist();
        });
        List<DoorStep> log = QuarkusTransaction.requiringNew().call(() -> DoorStep.logOf(door));
        assertEquals(2, log.size());
        assertNull(log.get(0).from);
        assertEquals(DoorStatus.OPEN, log.get(0).to);
        assertEquals(DoorStatus.OPEN, log.get(1).from);
        assertEquals(DoorStatus.SHUT, log.get(1).to);
        assertEquals("night", log.get(1).reason);
        assertEquals("SHUT", QuarkusTransaction.requiringNew().call(() -> DoorStep.getEntityManager()
                .createNativeQuery("SELECT to_status FROM door_step WHERE door_id = :d AND from_status = 'OPEN'")
                .setParameter("d", door).getSingleResult()));
    }
}
