package club.twinning.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service, called with the person's token. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(BearerToken.class)
@Path("/api")
public interface NotificationApi {

    @GET
    @Path("/deliveries")
    JsonNode deliveries(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                        @QueryParam("cursor") String cursor);

    @GET
    @Path("/contacts/{id}/preferences")
    JsonNode preferences(@PathParam("id") String contact);

    @jakarta.ws.rs.PUT
    @Path("/contacts/{id}/preferences")
    JsonNode setPreferences(@PathParam("id") String contact, JsonNode preferences);

    @POST
    @Path("/deliveries/{id}/retry")
    JsonNode retry(@PathParam("id") String id);
}
