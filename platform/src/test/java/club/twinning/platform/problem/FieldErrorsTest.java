package club.twinning.platform.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every wrong field in one 400; none, no problem. */
@Tag("unit")
class FieldErrorsTest {

    @Test
    void everyWrongFieldIsNamedInOne400() {
        FieldErrors errors = new FieldErrors().add("a", "wrong").addIf(false, "b", "fine").addIf(true, "c", "wrong too");
        ProblemException e = assertThrows(ProblemException.class, () -> errors.throwIfAny("invalid-request", "Invalid request"));
        assertEquals(400, e.status());
        assertEquals(List.of("a", "c"), e.toProblem("/x").errors().stream().map(Problem.FieldError::field).toList());
        assertDoesNotThrow(() -> new FieldErrors().throwIfAny("invalid-request", "Invalid request"));
    }
}
