package club.twinning.registry.api;

import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementDocument;
import club.twinning.registry.domain.AgreementTransition;
import club.twinning.registry.persistence.AgreementFilter;
import club.twinning.registry.persistence.AgreementSearch;
import club.twinning.registry.service.AgreementService;
import club.twinning.registry.service.AuditTrail;
import club.twinning.registry.service.DocumentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agreements: anyone logged in reads the signed ones; a draft (before signing) only the secretariat, the council and
 * its parties, others get 404. Only the secretariat records and moves them.
 */
@Path("/api/agreements")
@Tag(name = "Agreements")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class AgreementResource {

    private final AgreementService agreements;
    private final AgreementSearch search;
    private final DocumentService documents;
    private final AuditTrail audit;

    AgreementResource(AgreementService agreements, AgreementSearch search, DocumentService documents, AuditTrail audit) {
        this.agreements = agreements;
        this.search = search;
        this.documents = documents;
        this.audit = audit;
    }

    @GET
    public Page<AgreementView> list(@QueryParam("party") String party, @QueryParam("country") String country,
                                    @QueryParam("type") String type, @QueryParam("status") String status,
                                    @QueryParam("domain") String domain, @QueryParam("signedFrom") String signedFrom,
                                    @QueryParam("signedTo") String signedTo, @QueryParam("q") String text,
                                    @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw ProblemException.badField("limit", "between 1 and 500");
        }
        AgreementFilter filter = new AgreementFilter(blank(party), blank(country), blank(type), blank(status),
                blank(domain), date("signedFrom", signedFrom), date("signedTo", signedTo), blank(text));
        AgreementSearch.Result result = search.find(filter, AgreementSearch.Sort.of(blank(sort)), blank(cursor), size,
                agreements.draftsForCaller());
        String next = result.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", result.nextCursor()).build().toString();
        return new Page<>(result.items().stream().map(a -> AgreementView.of(a, List.of())).toList(), result.nextCursor(), next);
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") UUID id) {
        return view(agreements.readable(id), Response.Status.OK);
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@Valid @NotNull AgreementInput input) {
        Agreement agreement = agreements.create(input);
        return Response.created(URI.create("/api/agreements/" + agreement.id))
                .entity(AgreementView.of(agreement, List.of())).tag(String.valueOf(agreement.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull AgreementInput input) {
        return view(agreements.update(id, ifMatch, input), Response.Status.OK);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionInput input) {
        return view(agreements.transition(id, ifMatch, input), Response.Status.OK);
    }

    @GET
    @Path("/{id}/transitions")
    public List<HistoryEntry> transitions(@PathParam("id") UUID id) {
        agreements.readable(id);
        return AgreementTransition.of(id).stream().map(AgreementResource::entry).toList();
    }

    @PUT
    @Path("/{id}/formalities")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response formalities(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull FormalitiesInput formalities) {
        return view(agreements.recordFormalities(id, ifMatch, formalities), Response.Status.OK);
    }

    @GET
    @Path("/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        agreements.readable(id);
        List<HistoryEntry> entries = new ArrayList<>();
        AgreementTransition.of(id).forEach(t -> entries.add(entry(t)));
        audit.of("agreement", id.toString())
                .forEach(e -> entries.add(new HistoryEntry(e.at, e.actor, e.action, null, null, null, e.detail)));
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    @GET
    @Path("/{id}/documents")
    public List<DocumentView> documents(@PathParam("id") UUID id) {
        agreements.readable(id);
        return documents.of(id).stream().map(DocumentView::of).toList();
    }

    /** The body is the document itself; its Content-Type is kept and served back on download. */
    @POST
    @Path("/{id}/documents")
    @RolesAllowed(Roles.SECRETARIAT)
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") UUID id, @QueryParam("language") String language,
                           @QueryParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_TYPE) String mediaType,
                           byte[] content) {
        AgreementDocument document = documents.store(id, language, fileName,
                mediaType == null ? MediaType.APPLICATION_OCTET_STREAM : mediaType, content);
        return Response.created(URI.create(DocumentView.of(document).href())).entity(DocumentView.of(document))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        agreements.readable(id);
        AgreementDocument document = documents.get(id, documentId);
        return Response.ok(document.content, document.mediaType)
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(document.sha256)))
                .header("Content-Disposition", "attachment; filename=\"" + (document.fileName == null
                        ? document.id + "" : document.fileName.replace("\"", "")) + "\"").build();
    }

    /** The texts the agreement had before each edit made after its signing, oldest first. */
    @GET
    @Path("/{id}/revisions")
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        return agreements.revisions(id).stream().map(RevisionView::of).toList();
    }

    private Response view(Agreement agreement, Response.Status status) {
        List<DocumentView> docs = documents.of(agreement.id).stream().map(DocumentView::of).toList();
        return Response.status(status).entity(AgreementView.of(agreement, docs)).tag(String.valueOf(agreement.version)).build();
    }

    private static HistoryEntry entry(AgreementTransition t) {
        return new HistoryEntry(t.at, t.actor, "transition", t.from.name(), t.to.name(), t.reason, null);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "a date such as 2025-10-31");
        }
    }
}
