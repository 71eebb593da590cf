package club.twinning.exchange.api;

import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.persistence.RequestSearch;
import club.twinning.exchange.service.CouncilService;
import club.twinning.exchange.service.RequestService;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Expertise requests: partners submit for their own city; the council votes; both cities follow. */
@Path("/api/requests")
@Tag(name = "Requests")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class RequestResource {

    private final RequestService requests;
    private final CouncilService council;
    private final RequestSearch search;
    private final Caller caller;

    RequestResource(RequestService requests, CouncilService council, RequestSearch search, Caller caller) {
        this.requests = requests;
        this.council = council;
        this.search = search;
        this.caller = caller;
    }

    /** A retried POST with the same Idempotency-Key returns the first request (200), never a second one. */
    @POST
    @RolesAllowed(Roles.PARTNER)
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull RequestInput input) {
        RequestService.Submission submission = requests.submit(input, Params.text(idempotencyKey));
        RequestView view = requests.view(submission.request());
        return (submission.created() ? Response.created(URI.create("/api/requests/" + view.id())) : Response.ok())
                .tag(tag(view)).entity(view).build();
    }

    @GET
    public Page<RequestView> list(@QueryParam("status") String status, @QueryParam("city") String city,
                                  @QueryParam("domain") String domain, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        // A partner's list is its own city's, whatever it asks for.
        boolean partnerOnly = caller.is(Roles.PARTNER) && !caller.is(Roles.COUNCIL) && !caller.is(Roles.SECRETARIAT)
                && !caller.is(Roles.OPS);
        String scope = partnerOnly ? caller.requireCity() : Params.text(city);
        RequestSearch.Result result = search.find(new RequestSearch.Filter(Params.text(status), scope, Params.text(domain),
                Params.date("from", from), Params.date("to", to)), Params.text(cursor), Params.limit(limit, 200));
        String next = result.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", result.nextCursor()).build().toString();
        return new Page<>(result.items().stream().map(requests::view).toList(), result.nextCursor(), next);
    }

    /** With its version as ETag: send it back as If-Match to resubmit or withdraw. */
    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") UUID id) {
        return ok(requests.view(requests.visible(id)));
    }

    /** After changes were requested; needs If-Match (428 without, 412 if the request changed since it was read). */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    public Response resubmit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RequestInput input) {
        return ok(requests.view(requests.resubmit(id, ifMatch, input)));
    }

    /** A vote adds an entry (a changed vote supersedes the member's earlier one): no If-Match, the tally is locked. */
    @POST
    @Path("/{id}/votes")
    @RolesAllowed(Roles.COUNCIL)
    public Response vote(@PathParam("id") UUID id, @Valid @NotNull VoteInput input) {
        ExchangeRequest request = council.vote(id, input);
        return ok(requests.view(request));
    }

    /** Needs If-Match, like every change of the request by its requester. */
    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.PARTNER)
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid ReasonInput input) {
        return ok(requests.view(requests.withdraw(id, ifMatch, input == null ? null : input.reason())));
    }

    private static Response ok(RequestView view) {
        return Response.ok(view).tag(tag(view)).build();
    }

    private static EntityTag tag(RequestView view) {
        return new EntityTag(String.valueOf(view.version()));
    }
}
