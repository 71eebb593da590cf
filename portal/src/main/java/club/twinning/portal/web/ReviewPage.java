package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.client.ExchangeApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The council's queue: requests waiting for a decision, those of the member's own city set apart. */
@Path("/app/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("council")
public class ReviewPage {

    @Location("ReviewPage/queue.html")
    Template queue;

    @Inject
    Viewer viewer;

    @Inject
    club.twinning.portal.config.PortalConfig config;

    @Inject
    @RestClient
    ExchangeApi exchange;

    @GET
    public TemplateInstance queue() {
        List<JsonNode> waiting = new ArrayList<>();
        boolean more = false;
        for (String status : List.of("SUBMITTED", "UNDER_REVIEW")) {
            JsonNode page = call(() -> exchange.requests(status, null, null, config.pageSize()));
            page.path("items").forEach(waiting::add);
            more |= page.hasNonNull("nextCursor");
        }
        // The oldest waiting first would need the service's order; beyond a page, the request list pages by status.
        return viewer.render(queue.data("requests", waiting).data("more", more));
    }
}
