package club.twinning.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** registry-service's public register, open to all: what the portal shows before anyone logs in. */
@RegisterRestClient(configKey = "registry")
@Path("/public")
public interface PublicRegister {

    @GET
    @Path("/agreements.geojson")
    @Produces("application/geo+json")
    String geojson();

    @GET
    @Path("/agreements.csv")
    @Produces("text/csv")
    String csv();
}
