package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.client.ExchangeApi;
import club.twinning.portal.client.ServiceProblem;
import club.twinning.portal.i18n.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A person's private calendar feeds: create one (its URL is shown once, for a calendar application to subscribe
 * to), see the ones made, revoke one. The forms are POSTs, checked as every form is (SameOriginForms).
 */
@Path("/app/calendar/feeds")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"partner", "council", "secretariat", "ops"})
public class CalendarFeedPages {

    @Location("CalendarFeedPages/feeds.html")
    Template feeds;

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    ExchangeApi exchange;

    @GET
    public TemplateInstance list() {
        return show(null, null);
    }

    /** The answer carries the new URL itself (never stored by the portal), so it is not a redirect and not cached. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        String lang = Language.of(String.valueOf(fields.getFirst("lang"))).orElse(viewer.language()).code();
        try {
            JsonNode created = call(() -> exchange.createFeed(JsonNodeFactory.instance.objectNode().put("lang", lang)));
            return Response.status(201).entity(show(created, null)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus()).entity(show(null, failed.problem())).build();
        }
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id) {
        return Submission.answer(() -> {
            exchange.revokeFeed(id);
            return "/app/calendar/feeds";
        }, problem -> show(null, problem), problem -> problem.status() == 404 ? 404 : problem.formStatus());
    }

    private TemplateInstance show(JsonNode created, ServiceProblem problem) {
        List<JsonNode> mine = new ArrayList<>();
        call(exchange::feeds).forEach(mine::add);
        return viewer.render(feeds.data("created", created).data("webcal", webcal(created)).data("feeds", mine)
                .data("languages", List.of(Language.values())).data("lang", viewer.language().code())
                .data("languageNames", Arrays.stream(Language.values()).collect(Collectors.toMap(Language::code, Language::nativeName))).data("problem", problem));
    }

    /** The same URL as webcal:, which opens the person's calendar application on most systems. */
    private static String webcal(JsonNode created) {
        if (created == null) {
            return null;
        }
        return created.path("url").asText().replaceFirst("^https?:", "webcal:");
    }
}
