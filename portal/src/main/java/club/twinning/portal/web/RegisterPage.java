package club.twinning.portal.web;

import club.twinning.portal.client.PublicRegister;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The public register, no login: the map and the downloads, served from the portal's own origin. */
@Path("/")
@PermitAll
public class RegisterPage {

    private static final String BOM = "\uFEFF";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register();
    }

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    PublicRegister register;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return viewer.render(Templates.register());
    }

    @GET
    @Path("/public/agreements.geojson")
    @Produces("application/geo+json")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200)
    @Fallback(fallbackMethod = "unavailable")
    public Response geojson() {
        return Response.ok(register.geojson()).build();
    }

    @GET
    @Path("/public/agreements.csv")
    @Produces("text/csv; charset=utf-8")
    @Timeout(5000)
    @Fallback(fallbackMethod = "unavailable")
    public Response csv() {
        // A byte order mark first, so that a spreadsheet reads the file as UTF-8 and the Arabic titles stay Arabic.
        String csv = register.csv();
        return Response.ok(csv.startsWith(BOM) ? csv : BOM + csv)
                .header("Content-Disposition", "attachment; filename=\"twinning-agreements.csv\"").build();
    }

    Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10").build();
    }
}
