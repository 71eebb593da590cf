package club.twinning.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
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
}
