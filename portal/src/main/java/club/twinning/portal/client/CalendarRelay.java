package club.twinning.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * exchange-service's private calendar feeds, called without any token: the token in the path is the credential.
 * A client of its own (configKey calendar-relay) so that its timeouts are short and no person's bearer is sent.
 */
@RegisterRestClient(configKey = "calendar-relay")
@Path("/calendar")
public interface CalendarRelay {

    @GET
    @Path("/{token}.ics")
    @Produces("text/calendar")
    Response feed(@PathParam("token") String token);
}
