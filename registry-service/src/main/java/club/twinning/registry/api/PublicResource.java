package club.twinning.registry.api;

import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.Party;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The open register: agreements in force, with their dates of signature and effect, as JSON, GeoJSON and CSV, for anyone. */
@Path("/public")
@Tag(name = "Public register", description = "What anyone may read without a token.")
@PermitAll
public class PublicResource {

    private final ObjectMapper json;

    PublicResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @Path("/agreements")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicAgreements", summary = "List the agreements in force, publicly",
            description = "Public, no token. The public register: agreements IN_FORCE only, with their signing and effect dates.")
    @APIResponse(responseCode = "200", description = "The agreements in force")
    public List<PublicAgreement> agreements() {
        Map<String, Party> parties = parties();
        return open().stream().map(a -> PublicAgreement.of(a, parties)).toList();
    }

    /** Parties as Points, each agreement as a LineString through its parties that have coordinates. */
    @GET
    @Path("/agreements.geojson")
    @Produces("application/geo+json")
    @Operation(operationId = "listPublicAgreementsGeoJson", summary = "Map the agreements in force as GeoJSON",
            description = "Public, no token. The agreements in force as a GeoJSON FeatureCollection, one feature per party with coordinates.")
    @APIResponse(responseCode = "200", description = "A GeoJSON FeatureCollection")
    public ObjectNode geojson() {
        Map<String, Party> parties = parties();
        List<Agreement> open = open();
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        Set<String> placed = new LinkedHashSet<>();
        for (Agreement a : open) {
            List<Party> located = a.partyCodes.stream().map(parties::get)
                    .filter(p -> p.latitude != null && p.longitude != null).toList();
            located.forEach(p -> placed.add(p.code));
            if (located.size() < 2) {
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature");
            ObjectNode geometry = feature.putObject("geometry").put("type", "LineString");
            ArrayNode coordinates = geometry.putArray("coordinates");
            located.forEach(p -> coordinates.addArray().add(p.longitude).add(p.latitude));
            ObjectNode properties = feature.putObject("properties").put("kind", "agreement").put("id", a.id.toString())
                    .put("reference", a.reference).put("type", a.type.name()).put("status", a.status.name())
                    .put("title", a.title("fr")).put("signedOn", a.signedOn == null ? null : a.signedOn.toString())
                    .put("effectiveFrom", a.effectiveFrom == null ? null : a.effectiveFrom.toString());
            a.partyCodes.forEach(properties.putArray("parties")::add);
            a.domains.forEach(properties.putArray("domains")::add);
        }
        for (String code : placed) {
            Party p = parties.get(code);
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(p.longitude).add(p.latitude);
            feature.putObject("properties").put("kind", "party").put("code", p.code).put("name", p.name("fr"))
                    .put("nameAr", p.nameAr).put("nameEn", p.nameEn).put("country", p.country);
        }
        return collection;
    }

    @GET
    @Path("/agreements.csv")
    @Produces("text/csv")
    @Operation(operationId = "listPublicAgreementsCsv", summary = "Download the agreements in force as CSV",
            description = "Public, no token. The public register as CSV (RFC 4180, a header row, one agreement per row).")
    @APIResponse(responseCode = "200", description = "The CSV file")
    public Response csv() {
        Map<String, Party> parties = parties();
        StringBuilder out = new StringBuilder("reference,type,status,title_fr,title_ar,title_en,parties,countries,place,signed_on,domains,effective_from,expires_on\r\n");
        for (Agreement a : open()) {
            List<String> row = List.of(a.reference, a.type.name(), a.status.name(), nz(a.titleFr), nz(a.titleAr), nz(a.titleEn),
                    String.join(";", a.partyCodes),
                    a.partyCodes.stream().map(c -> nz(parties.get(c).country)).collect(Collectors.joining(";")),
                    nz(a.place), a.signedOn == null ? "" : a.signedOn.toString(), String.join(";", a.domains),
                    a.effectiveFrom == null ? "" : a.effectiveFrom.toString(), a.expiresOn == null ? "" : a.expiresOn.toString());
            out.append(row.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"twinning-agreements.csv\"").build();
    }

    private static List<Agreement> open() {
        return Agreement.list("status in ?1", Sort.by("signedOn").and("reference"),
                java.util.Arrays.stream(AgreementStatus.values()).filter(AgreementStatus::isPublic).toList());
    }

    private static Map<String, Party> parties() {
        return Party.<Party>listAll().stream().collect(Collectors.toMap(p -> p.code, Function.identity()));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
