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

    /** One keyset page (a null cursor: the first): {@code nextCursor} in the answer leads to the following one. */
    @GET
    @Path("/agreements")
    JsonNode agreements(@QueryParam("party") String party, @QueryParam("status") String status,
                        @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** The agreement with its ETag, which a transition must send back as If-Match. */
    @GET
    @Path("/agreements/{id}")
    Response agreement(@PathParam("id") String id);

    @GET
    @Path("/parties/{code}/contacts")
    JsonNode contacts(@PathParam("code") String party);

    @POST
    @Path("/parties/{code}/contacts")
    JsonNode addContact(@PathParam("code") String party, JsonNode contact);

    @POST
    @Path("/parties")
    JsonNode addParty(JsonNode party);

    @POST
    @Path("/agreements")
    JsonNode addAgreement(JsonNode agreement);

    /** The signed text itself as the body; its media type is kept. */
    @POST
    @Path("/agreements/{id}/documents")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.WILDCARD)
    JsonNode upload(@PathParam("id") String id, @QueryParam("language") String language, @QueryParam("fileName") String fileName,
                    @HeaderParam("Content-Type") String mediaType, byte[] content);

    @POST
    @Path("/agreements/{id}/transitions")
    JsonNode transition(@PathParam("id") String id, @HeaderParam("If-Match") String etag, JsonNode transition);
}
