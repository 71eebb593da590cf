package club.twinning.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** registry-service, called with the person's token. */
@RegisterRestClient(configKey = "registry")
@RegisterClientHeaders(BearerToken.class)
@Path("/api")
public interface RegistryApi {

    @GET
    @Path("/parties")
    JsonNode parties();

    @GET
    @Path("/agreements")
    JsonNode agreements(@QueryParam("party") String party, @QueryParam("status") String status,
                        @QueryParam("limit") Integer limit);

    /** The agreement with its ETag, which a transition must send back as If-Match. */
    @GET
    @Path("/agreements/{id}")
    Response agreement(@PathParam("id") String id);

    @POST
    @Path("/agreements/{id}/transitions")
    JsonNode transition(@PathParam("id") String id, @HeaderParam("If-Match") String etag, JsonNode transition);
}
