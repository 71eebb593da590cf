package club.twinning.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/** An endpoint of the test application, to see what a client gets back for bad input. */
@Path("/probe")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Window(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    public record Stop(@NotBlank String time) {
    }

    public record Probe(@NotBlank String title, @Max(50) int participants, @NotNull @Valid Window window,
                        java.util.List<@Valid @NotNull Stop> agenda, java.util.List<@NotBlank String> domains) {
    }

    public record Listing(Integer limit, UUID contact, LocalDate from, boolean archived, List<Integer> page, String id) {
    }

    /** Typed query parameters, as the services' listings take them (a limit, a contact's id, a date). */
    @GET
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    public Listing list(@PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("contact") UUID contact,
                        @RestQuery LocalDate from, @QueryParam("archived") boolean archived,
                        @QueryParam("page") List<Integer> page) {
        return new Listing(limit, contact, from, archived, page, id);
    }

    @POST
    public Probe echo(@Valid @NotNull Probe probe) {
        if (probe.title().equals("boom")) {
            throw new IllegalStateException("secret internal detail");
        }
        return probe;
    }
}
