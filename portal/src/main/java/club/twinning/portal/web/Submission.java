package club.twinning.portal.web;

import club.twinning.portal.client.ServiceProblem;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * What a form's POST answers (post, redirect, get): 303 to the page showing the change, or, when the service refused
 * or was out of reach, the page again with the service's reason next to the form.
 */
final class Submission {

    private Submission() {
    }

    /** Input the service refused: the form again with 422 (503 when the service was out of reach). */
    static Response form(Supplier<String> change, Function<ServiceProblem, TemplateInstance> again) {
        return answer(change, again, ServiceProblem::formStatus);
    }

    /** A step on a resource: refused, the page again with the service's own status (409 a step not allowed now, 412 a stale page). */
    static Response action(Supplier<String> change, Function<ServiceProblem, TemplateInstance> again) {
        return answer(change, again, ServiceProblem::status);
    }

    /** {@code change} calls the service and gives where to go next; {@code status}: the answer's status on refusal. */
    static Response answer(Supplier<String> change, Function<ServiceProblem, TemplateInstance> again,
                           ToIntFunction<ServiceProblem> status) {
        try {
            return Response.seeOther(URI.create(ServiceProblem.call(change))).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(status.applyAsInt(failed.problem())).entity(again.apply(failed.problem())).build();
        }
    }
}
