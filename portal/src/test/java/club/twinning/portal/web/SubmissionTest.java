package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import club.twinning.portal.client.ServiceProblem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A form's answer: 303 to the change, or the page again with the status the kind of refusal calls for. */
@Tag("unit")
class SubmissionTest {

    private static final ServiceProblem CONFLICT = new ServiceProblem(409, "not now", null, Map.of());

    @Test
    void aChangeTheServiceTookIsA303ToWhereItShows() {
        Response answer = Submission.form(() -> "/app/requests/42", problem -> null);
        assertEquals(303, answer.getStatus());
        assertEquals("/app/requests/42", answer.getLocation().toString());
        assertNull(answer.getEntity());
    }

    @Test
    void aRefusedFormIs422AndARefusedStepKeepsTheServicesStatus() {
        assertEquals(422, Submission.form(() -> { throw new ServiceProblem.Failed(CONFLICT); }, problem -> null).getStatus());
        assertEquals(409, Submission.action(() -> { throw new ServiceProblem.Failed(CONFLICT); }, problem -> null).getStatus());
    }

    @Test
    void aServiceOutOfReachIs503WithThePageAgain() {
        AtomicReference<ServiceProblem> shown = new AtomicReference<>();
        Response answer = Submission.form(() -> { throw new ProcessingException("refused"); }, problem -> {
            shown.set(problem);
            return null;
        });
        assertEquals(503, answer.getStatus());
        assertEquals(503, shown.get().status(), "the page again is given the problem to show");
        assertEquals(404, Submission.answer(() -> { throw new ServiceProblem.Failed(new ServiceProblem(404, null, null, Map.of())); },
                problem -> null, problem -> problem.status() == 404 ? 404 : problem.formStatus()).getStatus());
    }
}
