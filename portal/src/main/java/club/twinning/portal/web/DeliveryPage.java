package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.client.NotificationApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The delivery log for ops and the secretariat: what was sent to whom, what failed, send again. */
@Path("/app/deliveries")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"ops", "secretariat"})
public class DeliveryPage {

    @Location("DeliveryPage/log.html")
    Template log;

    @Inject
    Viewer viewer;

    @Inject
    club.twinning.portal.config.PortalConfig config;

    @Inject
    @RestClient
    NotificationApi notification;

    @GET
    public TemplateInstance deliveries(@QueryParam("status") String status, @QueryParam(Pages.PARAM) String trail) {
        Pages.Listing deliveries = Pages.list("/app/deliveries", Pages.filters("status", status), trail,
                cursor -> notification.deliveries(FormFields.blankToNull(status), config.pageSize(), cursor));
        return viewer.render(log.data("deliveries", deliveries.page()).data("status", status).data("pages", deliveries.pages()));
    }

    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") String id) {
        call(() -> notification.retry(id));
        return Response.seeOther(URI.create("/app/deliveries")).build();
    }
}
