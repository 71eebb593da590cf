package club.twinning.registry.api;

import club.twinning.events.CooperationDomain;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cooperation domains' codes and names: public, like the register that uses them. */
@Path("/api/domains")
@Tag(name = "Cooperation domains", description = "The one taxonomy of cooperation domains, shared by the register and the exchange.")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class DomainResource {

    /** A domain's code (what the API carries) and its names. */
    public record DomainView(@Schema(ref = "CooperationDomain") String code, Names names) {
    }

    public record Names(String fr, String ar, String en) {
    }

    @GET
    @Operation(operationId = "listDomains", summary = "List the cooperation domains with their names",
            description = "Public, no token needed (any caller may also send one). Every cooperation domain code that "
                    + "agreements (domains), parties (expertiseDomains), requests and matches (domain) accept, with its "
                    + "name in French, Arabic and English, in a stable order.")
    @APIResponse(responseCode = "200", description = "The domains")
    public List<DomainView> all() {
        return Arrays.stream(CooperationDomain.values())
                .map(d -> new DomainView(d.code(), new Names(d.label("fr"), d.label("ar"), d.label("en")))).toList();
    }
}
