package club.twinning.portal.web;

import club.twinning.portal.client.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page whose service refused or could not be reached: a readable page with the service's reason. */
public class ServicePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failure(ServiceProblem problem);
    }

    @Inject
    Viewer viewer;

    @ServerExceptionMapper
    Response failed(ServiceProblem.Failed failed) {
        ServiceProblem problem = failed.problem();
        Response.ResponseBuilder response = Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(viewer.render(Templates.failure(problem)));
        return problem.unavailable() ? response.header("Retry-After", "10").build() : response.build();
    }
}
