package club.twinning.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** exchange-service, called with the person's token. */
@RegisterRestClient(configKey = "exchange")
@RegisterClientHeaders(BearerToken.class)
@Path("/api")
public interface ExchangeApi {

    /** One keyset page: {@code nextCursor} in the answer leads to the following one. */
    @GET
    @Path("/requests")
    JsonNode requests(@QueryParam("status") String status, @QueryParam("domain") String domain,
                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** A keyset page of requests submitted in [from, to) (ISO dates), for the council's figures. */
    @GET
    @Path("/requests")
    JsonNode requests(@QueryParam("status") String status, @QueryParam("domain") String domain,
                      @QueryParam("from") String from, @QueryParam("to") String to,
                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** Each agreement's health: grade A (lively) to D (dormant), with the reasons. */
    @GET
    @Path("/relationships")
    JsonNode relationships();

    @GET
    @Path("/requests/{id}")
    JsonNode request(@PathParam("id") String id);

    @POST
    @Path("/requests")
    JsonNode submit(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode request);

    @POST
    @Path("/requests/{id}/votes")
    JsonNode vote(@PathParam("id") String id, JsonNode vote);

    /** {@code ifMatch}: the ETag of the request as the page showed it (its version, quoted). */
    @POST
    @Path("/requests/{id}/withdrawal")
    JsonNode withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode reason);

    @GET
    @Path("/visits")
    JsonNode visits(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit);

    @GET
    @Path("/visits/{id}")
    JsonNode visit(@PathParam("id") String id);

    @POST
    @Path("/visits")
    JsonNode planVisit(JsonNode visit);

    @POST
    @Path("/visits/{id}/confirmation")
    JsonNode confirmVisit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/visits/{id}/report")
    JsonNode fileReport(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode report);

    @GET
    @Path("/matches")
    JsonNode matches(@QueryParam("domain") String domain);

    /** A private feed URL for the person: {@code {"lang"}} in, {@code {"id","url","lang","createdAt"}} out (the URL once). */
    @POST
    @Path("/calendar-feeds")
    JsonNode createFeed(JsonNode feed);

    /** The person's own feeds, without their URLs: {@code [{"id","lang","createdAt","lastUsedAt"}]}. */
    @GET
    @Path("/calendar-feeds")
    JsonNode feeds();

    @DELETE
    @Path("/calendar-feeds/{id}")
    void revokeFeed(@PathParam("id") String id);

    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    String calendar();
}
