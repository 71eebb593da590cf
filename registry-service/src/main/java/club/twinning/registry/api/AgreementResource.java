package club.twinning.registry.api;

import static club.twinning.platform.query.QueryValues.choice;
import static club.twinning.platform.query.QueryValues.date;
import static club.twinning.platform.query.QueryValues.text;

import club.twinning.platform.api.Tagged;
import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Page;
import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementDocument;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.AgreementTransition;
import club.twinning.registry.domain.AgreementType;
import club.twinning.registry.persistence.AgreementFilter;
import club.twinning.registry.persistence.AgreementSearch;
import club.twinning.registry.service.AgreementInput;
import club.twinning.registry.service.AgreementService;
import club.twinning.registry.service.AuditTrail;
import club.twinning.registry.service.DocumentService;
import club.twinning.registry.service.FormalitiesInput;
import club.twinning.registry.service.TransitionInput;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agreements: anyone logged in reads the signed ones; a draft (before signing) only the secretariat, the council and
 * its parties, others get 404. Only the secretariat records and moves them.
 */
@Path("/api/agreements")
@Tag(name = "Agreements", description = "The register of agreements between cities: drafts, signing, entry into force, documents, history.")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class AgreementResource {

    private static final Limit LIMIT = Limit.upTo(500);
    private static final int SEARCH_TEXT_MAX = 200;

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
    @Operation(operationId = "listAgreements", summary = "Search the agreements of the register",
            description = "Any authenticated caller (partner, council, secretariat, ops). Signed agreements are listed for everyone; a draft (before signing) only for the secretariat, the council and the draft's own parties. Filters: party, country, type, status, domain (a cooperation domain code), signedFrom/signedTo (ISO dates), q (text found in the reference, titles, summaries, place or occasion; up to 200 characters); sort; pages of `limit` (1-500, default 50) followed with `cursor` or the `next` link.")
    @APIResponse(responseCode = "200", description = "A page of agreements")
    @APIResponse(responseCode = "400", description = "A filter is malformed (a date, limit, status, cursor, a q over 200 characters); errors names it")
    public Page<AgreementView> list(@QueryParam("party") String party, @QueryParam("country") String country,
                                    @QueryParam("type") String type, @QueryParam("status") String status,
                                    @QueryParam("domain") String domain, @QueryParam("signedFrom") String signedFrom,
                                    @QueryParam("signedTo") String signedTo, @QueryParam("q") String q,
                                    @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        AgreementFilter filter = new AgreementFilter(text(party), text(country),
                choice(AgreementType.class, "type", type), choice(AgreementStatus.class, "status", status),
                text(domain), date("signedFrom", signedFrom), date("signedTo", signedTo), text("q", q, SEARCH_TEXT_MAX));
        return Page.of(search.find(filter, AgreementSearch.Sort.of(text(sort)), Cursor.decode(cursor), LIMIT.of(limit),
                agreements.draftsForCaller()), a -> AgreementView.of(a, List.of()), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAgreement", summary = "Read one agreement with its documents",
            description = "Any authenticated caller; a draft only for the secretariat, the council and its parties (404 for anyone else, as if it did not exist). The current version's ETag is in the ETag header; send it back as If-Match to change it.")
    @APIResponse(responseCode = "200", description = "The agreement",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft the caller may not see")
    public Response one(@PathParam("id") UUID id) {
        return view(agreements.readable(id));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "createAgreement", summary = "Record a new agreement as a draft",
            description = "Secretariat only. The agreement starts as DRAFT; its parties must exist, its domains must be cooperation domain codes (GET /api/domains). Answers 201 with the agreement, its Location and its ETag.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (an unknown party or domain, a bad date); errors names each")
    @APIResponse(responseCode = "409", description = "Another agreement has this reference")
    public Response create(@Valid @NotNull AgreementInput input) {
        Agreement agreement = agreements.create(input);
        return Tagged.created("/api/agreements/" + agreement.id, AgreementView.of(agreement, List.of()), agreement.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "updateAgreement", summary = "Edit an agreement's text",
            description = "Secretariat only, with If-Match. Once signed (SIGNED, IN_FORCE, SUSPENDED, or terminated after signing) an edit needs a `reason`, keeps the previous text as a revision (GET …/revisions), and may not remove the signing evidence or, in force, the date of effect (422 listing each).")
    @APIResponse(responseCode = "200", description = "The edited agreement",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors names each")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "Another agreement has this reference")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (someone changed it since you read it); currentEtag says which is")
    @APIResponse(responseCode = "422", description = "A signed agreement's edit lacks a reason, or removes its signing evidence or date of effect; errors lists each")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull AgreementInput input) {
        return view(agreements.update(id, ExpectedVersion.fromIfMatch(ifMatch), input));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "transitionAgreement", summary = "Move an agreement to another status",
            description = "Secretariat only, with If-Match. DRAFT → NEGOTIATION → SIGNED → IN_FORCE ⇄ SUSPENDED → EXPIRED/TERMINATED (GET …/transitions shows the history; a 409 lists the allowed targets). SIGNED needs the signing date, place and signatories; IN_FORCE needs a date of effect and, for a Moroccan commune, the council's deliberation and the authority's approval or a `formalitiesWaiver` with its reason (422 listing what is missing). Evidence fields belong to the move they record (400 otherwise).")
    @APIResponse(responseCode = "200", description = "The agreement in its new status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, or evidence given with a move it does not belong to; errors names each")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status; `allowed` lists the possible targets")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (someone changed it since you read it); currentEtag says which is")
    @APIResponse(responseCode = "422", description = "The evidence the target status needs is missing; `missing` and errors list each field")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionInput input) {
        return view(agreements.transition(id, ExpectedVersion.fromIfMatch(ifMatch), input));
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(operationId = "listAgreementTransitions", summary = "List an agreement's status changes",
            description = "Any authenticated caller who may read the agreement (a draft: the secretariat, the council, its parties). Oldest first.")
    @APIResponse(responseCode = "200", description = "Each status change with who, when and why")
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft the caller may not see")
    public List<HistoryEntry> transitions(@PathParam("id") UUID id) {
        agreements.readable(id);
        return AgreementTransition.of(id).stream().map(HistoryEntry::of).toList();
    }

    @PUT
    @Path("/{id}/formalities")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "recordAgreementFormalities", summary = "Record a Moroccan commune's formalities",
            description = "Secretariat only, with If-Match: the council's deliberation and its submission to and approval by the supervising authority (dates, references), which IN_FORCE requires for a Moroccan commune.")
    @APIResponse(responseCode = "200", description = "The agreement with its formalities",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (approval before submission); errors names it")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (someone changed it since you read it); currentEtag says which is")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response formalities(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull FormalitiesInput formalities) {
        return view(agreements.recordFormalities(id, ExpectedVersion.fromIfMatch(ifMatch), formalities));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getAgreementHistory", summary = "Show an agreement's history",
            description = "Any authenticated caller who may read the agreement. Status changes and audited edits (who, when, what), oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft the caller may not see")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        agreements.readable(id);
        List<HistoryEntry> entries = new ArrayList<>();
        AgreementTransition.of(id).forEach(t -> entries.add(HistoryEntry.of(t)));
        entries.addAll(HistoryEntry.audited(audit.of("agreement", id.toString())));
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    @GET
    @Path("/{id}/documents")
    @Operation(operationId = "listAgreementDocuments", summary = "List an agreement's documents",
            description = "Any authenticated caller who may read the agreement: the signed texts and annexes, by language.")
    @APIResponse(responseCode = "200", description = "The documents, with their download links")
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft the caller may not see")
    public List<DocumentView> documents(@PathParam("id") UUID id) {
        agreements.readable(id);
        return documents.of(id).stream().map(DocumentView::of).toList();
    }

    /** The body is the document itself; its Content-Type is kept and served back on download. */
    @POST
    @Path("/{id}/documents")
    @RolesAllowed(Roles.SECRETARIAT)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "uploadAgreementDocument", summary = "Attach a document to an agreement",
            description = "Secretariat only. The body is the file itself (its Content-Type is kept); `language` is fr, ar or en; `fileName` is optional. Answers 201 with its Location.")
    @APIResponse(responseCode = "201", description = "Stored; Location is its download URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "No language among fr, ar, en, or an empty body; errors names it")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "413", description = "The document is larger than allowed")
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
    @Operation(operationId = "downloadAgreementDocument", summary = "Download one of an agreement's documents",
            description = "Any authenticated caller who may read the agreement. Served with its own Content-Type, a Digest (sha-256) and a file name.")
    @APIResponse(responseCode = "200", description = "The document's bytes")
    @APIResponse(responseCode = "404", description = "No such agreement or document, or a draft the caller may not see")
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
    @Operation(operationId = "listAgreementRevisions", summary = "List the previous texts of a signed agreement",
            description = "Any authenticated caller who may read the agreement. Each edit made after signing kept the text it replaced, with its reason; oldest first.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft the caller may not see")
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        return agreements.revisions(id).stream().map(RevisionView::of).toList();
    }

    private Response view(Agreement agreement) {
        List<DocumentView> docs = documents.of(agreement.id).stream().map(DocumentView::of).toList();
        return Tagged.ok(AgreementView.of(agreement, docs), agreement.version);
    }
}
