package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.client.ExchangeApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The council's queue: requests waiting for a decision, those of the member's own city set apart. */
@Path("/app/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("council")
public class ReviewPage {

    private static final List<String> WAITING = List.of("SUBMITTED", "UNDER_REVIEW");

    @Location("ReviewPage/queue.html")
    Template queue;

    @Inject
    Viewer viewer;

    @Inject
    club.twinning.portal.config.PortalConfig config;

    @Inject
    @RestClient
    ExchangeApi exchange;

    /**
     * Both waiting statuses a page at a time: the page's cursor carries each status's own service cursor ("-" once
     * that status has no more), so next and previous walk the two lists side by side.
     */
    @GET
    public TemplateInstance queue(@QueryParam(Pages.PARAM) String trail) {
        List<String> cursors = QueueCursor.decode(Pages.cursor(trail), WAITING.size());
        List<JsonNode> waiting = new ArrayList<>();
        List<String> next = new ArrayList<>();
        for (int i = 0; i < WAITING.size(); i++) {
            String status = WAITING.get(i);
            String cursor = cursors.get(i);
            if (QueueCursor.DONE.equals(cursor)) {
                next.add(QueueCursor.DONE);
                continue;
            }
            JsonNode page = call(() -> exchange.requests(status, null, cursor, config.pageSize()));
            page.path("items").forEach(waiting::add);
            next.add(page.path("nextCursor").asText(QueueCursor.DONE));
        }
        Pages pages = Pages.of("/app/review", Pages.filters(), trail, QueueCursor.encode(next));
        return viewer.render(queue.data("requests", waiting).data("pages", pages));
    }

    /** Several services' cursors as one base64url cursor; null when every list is done. */
    static final class QueueCursor {

        static final String DONE = "-";

        private QueueCursor() {
        }

        static String encode(List<String> cursors) {
            if (cursors.stream().allMatch(DONE::equals)) {
                return null;
            }
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(String.join("\n", cursors).getBytes(StandardCharsets.UTF_8));
        }

        /** Each list's cursor (null: from its start); something that is not ours starts them all again. */
        static List<String> decode(String cursor, int lists) {
            List<String> start = new ArrayList<>(java.util.Collections.nCopies(lists, (String) null));
            if (cursor == null) {
                return start;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
                return parts.length == lists ? List.of(parts) : start;
            } catch (IllegalArgumentException notOurs) {
                return start;
            }
        }
    }
}
