package club.twinning.platform.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** If-Match read the same way by every service: 428 without one, 412 for a stale or foreign tag, "*" for any. */
@Tag("unit")
class ExpectedVersionTest {

    @Test
    void theVersionReadIsTheVersionRequired() {
        assertDoesNotThrow(() -> ExpectedVersion.fromIfMatch("\"7\"").require(7));
        assertDoesNotThrow(() -> ExpectedVersion.fromIfMatch("W/\"7\"").require(7));
        assertDoesNotThrow(() -> ExpectedVersion.fromIfMatch("*").require(42));
        assertEquals(412, assertThrows(ProblemException.class, () -> ExpectedVersion.fromIfMatch("\"6\"").require(7)).status());
    }

    @Test
    void noTagIs428AndAForeignTagMatchesNothing() {
        assertEquals(428, assertThrows(ProblemException.class, () -> ExpectedVersion.fromIfMatch(null).require(1)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> ExpectedVersion.fromIfMatch(" ").require(1)).status());
        for (String foreign : new String[] {"7", "\"07\"", "\"abc\"", "\"99999999999999999999\""}) {
            assertEquals(412, assertThrows(ProblemException.class, () -> ExpectedVersion.fromIfMatch(foreign).require(7)).status(),
                    foreign);
        }
    }
}
