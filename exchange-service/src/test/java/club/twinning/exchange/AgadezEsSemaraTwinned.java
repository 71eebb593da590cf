package club.twinning.exchange;

import club.twinning.testing.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Tests that start from Agadez and Es-Semara twinned (an agreement in force, announced as the registry would) for the
 * whole class; the announcing producer is closed after. A subclass's own @BeforeAll runs after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgadezEsSemaraTwinned {

    protected final TestEvents events = new TestEvents();

    @BeforeAll
    void twinAgadezAndEsSemara() {
        Network.agreementInForce(events, "agadez", "es-semara");
    }

    @AfterAll
    void closeEvents() {
        events.close();
    }
}
