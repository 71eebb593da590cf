package club.twinning.portal.web;

import club.twinning.portal.client.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Previous and next links over a service's keyset pages. The services give only the next cursor, so the page's
 * URL carries the cursors of the way here ({@code pages=c1.c2}, base64url cursors joined by dots): the last is the
 * one shown, dropping it goes back a page, appending the service's next cursor goes forward.
 */
public record Pages(String previous, String next, int number) {

    public static final String PARAM = "pages";

    /** The cursor of the page to show, null for the first. */
    public static String cursor(String trail) {
        List<String> cursors = split(trail);
        return cursors.isEmpty() ? null : cursors.get(cursors.size() - 1);
    }

    /** A page of a service's keyset list (its {@code items} and {@code nextCursor}) and the links around it. */
    public record Listing(JsonNode page, Pages pages) {
    }

    /**
     * Asks a service for the page the trail leads to ({@code pageAt} gets that page's cursor, null for the first)
     * and links its neighbours; a refusal or an outage is the service's problem page.
     */
    public static Listing list(String path, Map<String, String> filters, String trail, Function<String, JsonNode> pageAt) {
        JsonNode page = ServiceProblem.call(() -> pageAt.apply(cursor(trail)));
        return new Listing(page, of(path, filters, trail, page.path("nextCursor").asText(null)));
    }

    /** {@code filters}: the list's other query parameters (blank ones are left out of the links). */
    public static Pages of(String path, Map<String, String> filters, String trail, String nextCursor) {
        List<String> cursors = split(trail);
        String previous = null;
        if (!cursors.isEmpty()) {
            previous = link(path, filters, cursors.subList(0, cursors.size() - 1));
        }
        String next = null;
        if (nextCursor != null && !nextCursor.isBlank()) {
            List<String> forward = new ArrayList<>(cursors);
            forward.add(nextCursor);
            next = link(path, filters, forward);
        }
        return new Pages(previous, next, cursors.size() + 1);
    }

    public static Map<String, String> filters(String... namesAndValues) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            filters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return filters;
    }

    public boolean any() {
        return previous != null || next != null;
    }

    private static String link(String path, Map<String, String> filters, List<String> cursors) {
        UriBuilder uri = UriBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        if (!cursors.isEmpty()) {
            uri.queryParam(PARAM, String.join(".", cursors));
        }
        return uri.build().toString();
    }

    private static List<String> split(String trail) {
        if (trail == null || trail.isBlank()) {
            return List.of();
        }
        // Only base64url cursors: anything else in the URL is dropped rather than sent on to a service.
        return Arrays.stream(trail.split("\\.")).filter(c -> c.matches("[A-Za-z0-9_-]{1,512}")).toList();
    }
}
