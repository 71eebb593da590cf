package club.twinning.exchange.api;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.VoteChoice;
import club.twinning.exchange.persistence.RequestSearch;
import club.twinning.exchange.service.CouncilService;
import club.twinning.exchange.service.RequestService;
import club.twinning.platform.api.Tagged;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Page;
import club.twinning.platform.query.QueryValues;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Expertise requests: partners submit for their own city; the council votes; both cities follow. */
@Path("/api/requests")
@Tag(name = "Requests", description = "Expertise requests between partner cities and the council's votes on them.")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class RequestResource {

    private static final Limit LIMIT = Limit.upTo(200);

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
    @Operation(operationId = "submitRequest", summary = "Submit an expertise request to a partner city",
            description = "Partner only, for its own city (the token's city claim; 403 without one). The partner city must be bound to the caller's by an agreement IN_FORCE (422 otherwise); domain is a cooperation domain code (GET /api/domains on registry-service), the window starts in the future and lasts at most a year. With an Idempotency-Key (at most 200 characters), a retry answers the first request with 200 instead of creating a second one.")
    @APIResponse(responseCode = "201", description = "Submitted; Location is its URL, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "A retry with an Idempotency-Key already used by the caller: the request it created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (an unknown domain names the valid codes); errors names each")
    @APIResponse(responseCode = "403", description = "The caller's token has no city")
    @APIResponse(responseCode = "422", description = "No agreement in force binds the two cities (or the one named is suspended or ended)")
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull RequestInput input) {
        RequestService.Submission submission = requests.submit(input.toDraft(), QueryValues.text(idempotencyKey));
        RequestView view = RequestView.of(submission.dossier());
        return submission.created() ? Tagged.created("/api/requests/" + view.id(), view, view.version())
                : Tagged.ok(view, view.version());
    }

    @GET
    @Operation(operationId = "listRequests", summary = "Search expertise requests",
            description = "Any authenticated caller. A partner sees its own city's requests only, whatever it asks for; the council, the secretariat and ops filter by city. Filters: status, city, domain, from/to (ISO dates); pages of `limit` followed with `cursor`.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "A filter is malformed (a date, limit, cursor); errors names it")
    public Page<RequestView> list(@QueryParam("status") String status, @QueryParam("city") String city,
                                  @QueryParam("domain") String domain, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        // A partner's list is its own city's, whatever it asks for.
        String scope = caller.cityScope().filter(QueryValues.text(city));
        return Page.of(search.find(new RequestSearch.Filter(QueryValues.text(status), scope, QueryValues.text(domain),
                QueryValues.date("from", from), QueryValues.date("to", to)), Cursor.decode(cursor), LIMIT.of(limit)),
                r -> RequestView.of(requests.dossier(r)), uri);
    }

    /** With its version as ETag: send it back as If-Match to resubmit or withdraw. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getRequest", summary = "Read one expertise request with its votes and history",
            description = "Any authenticated caller; a partner only if its city is the requesting or the partner city (403 otherwise). Its version is the ETag: send it back as If-Match to resubmit or withdraw.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "A partner of a city the request does not involve")
    @APIResponse(responseCode = "404", description = "No such request")
    public Response one(@PathParam("id") UUID id) {
        return ok(requests.visible(id));
    }

    /** After changes were requested; needs If-Match (428 without, 412 if the request changed since it was read). */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "resubmitRequest", summary = "Resubmit a request after the council asked for changes",
            description = "The requesting city's partner only, with If-Match, while the request is CHANGES_REQUESTED (409 otherwise). Same rules as a submission.")
    @APIResponse(responseCode = "200", description = "The request, submitted again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors names each")
    @APIResponse(responseCode = "403", description = "Not the requesting city's partner")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request is not waiting for changes")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (it changed since you read it); currentEtag says which is")
    @APIResponse(responseCode = "422", description = "The agreement is no longer in force")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response resubmit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RequestInput input) {
        return ok(requests.resubmit(id, ExpectedVersion.fromIfMatch(ifMatch), input.toDraft()));
    }

    /** A vote adds an entry (a changed vote supersedes the member's earlier one): no If-Match, the tally is locked. */
    @POST
    @Path("/{id}/votes")
    @RolesAllowed(Roles.COUNCIL)
    @Operation(operationId = "voteOnRequest", summary = "Vote on an expertise request as a council member",
            description = "Council only, while the request is SUBMITTED or UNDER_REVIEW and its agreement in force. A member of a city the request involves may not vote (403, conflict of interest). A vote other than APPROVE must give a reason. Voting again supersedes the member's earlier vote; every vote is kept.")
    @APIResponse(responseCode = "200", description = "The request with the new tally",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "A rejection or change request without a reason; errors names it")
    @APIResponse(responseCode = "403", description = "A council member of a city the request involves (conflict of interest)")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request is no longer open to votes")
    @APIResponse(responseCode = "422", description = "The request's agreement is not in force (suspended or ended)")
    public Response vote(@PathParam("id") UUID id, @Valid @NotNull VoteInput input) {
        return ok(council.vote(id, VoteChoice.valueOf(input.choice()), input.reason()));
    }

    /** Needs If-Match, like every change of the request by its requester. */
    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "withdrawRequest", summary = "Withdraw an expertise request",
            description = "The requesting city's partner only, with If-Match, before the request is decided (409 otherwise). A reason is optional.")
    @APIResponse(responseCode = "200", description = "The withdrawn request",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid; errors names the field")
    @APIResponse(responseCode = "403", description = "Not the requesting city's partner")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request can no longer be withdrawn")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (it changed since you read it); currentEtag says which is")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid ReasonInput input) {
        return ok(requests.withdraw(id, ExpectedVersion.fromIfMatch(ifMatch), input == null ? null : input.reason()));
    }

    private Response ok(ExchangeRequest request) {
        RequestView view = RequestView.of(requests.dossier(request));
        return Tagged.ok(view, view.version());
    }
}
