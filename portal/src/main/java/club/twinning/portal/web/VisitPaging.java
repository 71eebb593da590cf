package club.twinning.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keyset pages over exchange-service's visit list, which is ordered by (start date, id) but has no cursor of its
 * own yet: the portal's cursor is the last row's (start date, id), the next page is asked from that date, and the
 * rows of that date up to that id are skipped. When many visits share a date the portal asks for more at once.
 */
public final class VisitPaging {

    /** exchange-service's largest page of visits. */
    static final int MOST = 1000;

    /** One call to the visit list: (from, to, limit) to the service's page. */
    @FunctionalInterface
    public interface Fetch {
        JsonNode visits(LocalDate from, LocalDate to, int limit);
    }

    public record Result(List<JsonNode> items, String nextCursor) {
    }

    private VisitPaging() {
    }

    public static Result page(Fetch fetch, LocalDate from, LocalDate to, String cursor, int size) {
        Key after = Key.decode(cursor);
        LocalDate start = after == null ? from : after.date();
        int limit = Math.min(MOST, size + 21);
        List<JsonNode> rows;
        while (true) {
            JsonNode page = fetch.visits(start, to, limit);
            rows = new ArrayList<>();
            int fetched = 0;
            for (JsonNode visit : page.path("items")) {
                fetched++;
                if (after == null || after.before(visit)) {
                    rows.add(visit);
                }
            }
            if (rows.size() > size || fetched < limit || limit == MOST) {
                break;
            }
            limit = Math.min(MOST, limit * 4);
        }
        if (rows.size() <= size) {
            return new Result(rows, null);
        }
        List<JsonNode> shown = rows.subList(0, size);
        return new Result(List.copyOf(shown), Key.of(shown.get(size - 1)).encode());
    }

    /** (start date, id): ids compared as their lowercase text, which orders as PostgreSQL orders uuids. */
    record Key(LocalDate date, String id) {

        static Key of(JsonNode visit) {
            return new Key(LocalDate.parse(visit.path("startDate").asText()), visit.path("id").asText().toLowerCase());
        }

        boolean before(JsonNode visit) {
            Key other = of(visit);
            int byDate = other.date.compareTo(date);
            return byDate > 0 || (byDate == 0 && other.id.compareTo(id) > 0);
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((date + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String cursor) {
            if (cursor == null) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
                return parts.length == 2 && parts[1].matches("[0-9a-f-]{36}") ? new Key(LocalDate.parse(parts[0]), parts[1]) : null;
            } catch (RuntimeException unreadable) {
                return null; // not ours: the first page
            }
        }
    }
}
