package club.twinning.portal.web;

import club.twinning.portal.client.ExchangeApi;
import club.twinning.portal.client.RegistryApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The network at a glance: the map, counts by status, domain and country, the upcoming visits. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"partner", "council", "secretariat", "ops"})
public class HomePage {

    private static final Logger LOG = Logger.getLogger(HomePage.class);

    @Location("HomePage/home.html")
    Template home;

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    @RestClient
    ExchangeApi exchange;

    @GET
    public TemplateInstance home() {
        // Each part shows what its service answers; one service down leaves the rest of the page useful.
        Optional<JsonNode> agreements = part("registry", () -> registry.agreements(null, null, null, 500));
        Optional<JsonNode> parties = part("registry", registry::parties);
        Optional<JsonNode> visits = part("exchange",
                () -> exchange.visits(LocalDate.now().toString(), LocalDate.now().plusMonths(6).toString(), 10));
        return viewer.render(home
                .data("counts", agreements.map(a -> NetworkCounts.of(a, parties.orElse(null))).orElse(null))
                .data("visits", visits.orElse(null)));
    }

    private static Optional<JsonNode> part(String service, Supplier<JsonNode> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            LOG.warnf("home page: %s did not answer (%s)", service, e.getMessage());
            return Optional.empty();
        }
    }
}
