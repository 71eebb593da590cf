package club.twinning.portal.web;

import club.twinning.portal.client.CalendarRelay;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A person's private calendar URL on the portal's own host: {@code /calendar/<token>.ics}, answered by
 * exchange-service's feed with the same status and body. No login (calendar applications send no token); the
 * token is the credential, so the answer is private to its holder and kept by no shared cache.
 */
@Path("/calendar")
@PermitAll
public class CalendarFeedRelay {

    /** The tokens exchange-service hands out are base64url; anything else cannot be one. */
    private static final String TOKEN = "[A-Za-z0-9_-]{16,128}";

    @Inject
    @RestClient
    CalendarRelay exchange;

    @GET
    @Path("/{token}.ics")
    public Response feed(@PathParam("token") String token) {
        if (!token.matches(TOKEN)) {
            return Response.status(404).type("text/plain").entity("No such calendar.").build();
        }
        Response answer;
        try {
            answer = exchange.feed(token);
        } catch (WebApplicationException refused) {
            answer = refused.getResponse();
        } catch (ProcessingException unreachable) {
            return Response.status(503).type("text/plain").header(HttpHeaders.RETRY_AFTER, "60")
                    .entity("The calendar is unavailable for a moment.").build();
        }
        String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
        Response.ResponseBuilder relayed = Response.status(answer.getStatus()).entity(body)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
        if (answer.getMediaType() != null) {
            relayed.type(answer.getMediaType());
        }
        if (answer.getStatus() == 200) {
            relayed.header("Content-Disposition", "inline; filename=\"twinning-visits.ics\"");
        }
        return relayed.build();
    }
}
