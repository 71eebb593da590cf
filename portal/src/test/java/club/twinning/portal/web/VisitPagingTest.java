package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Keyset pages over the visit list as exchange-service orders it (start date, then id), many on the same day too. */
@Tag("unit")
class VisitPagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    private final List<ObjectNode> visits = new ArrayList<>();
    private int calls;

    VisitPagingTest() {
        for (int i = 0; i < 90; i++) {
            // 60 visits on the first day, then one a day: a page boundary falls inside a day.
            LocalDate start = i < 60 ? DAY : DAY.plusDays(i - 59);
            visits.add(JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("startDate", start.toString()));
        }
        visits.sort(Comparator.comparing((ObjectNode v) -> v.path("startDate").asText()).thenComparing(v -> v.path("id").asText()));
    }

    /** As the service answers: from ≤ start ≤ to, ordered, the first {@code limit}. */
    private JsonNode service(LocalDate from, LocalDate to, int limit) {
        calls++;
        ArrayNode items = JSON.createArrayNode();
        visits.stream().filter(v -> !LocalDate.parse(v.path("startDate").asText()).isBefore(from)
                && !LocalDate.parse(v.path("startDate").asText()).isAfter(to)).limit(limit).forEach(items::add);
        return JSON.createObjectNode().set("items", items);
    }

    @Test
    void everyVisitOnceInOrderThroughThePages() {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            VisitPaging.Result page = VisitPaging.page(this::service, DAY.minusDays(5), DAY.plusYears(1), cursor, 7);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(visits, seen);
        assertEquals(13, pages, "90 visits by 7");
    }

    @Test
    void aCursorThatIsNotOursStartsAtTheBeginning() {
        VisitPaging.Result page = VisitPaging.page(this::service, DAY, DAY.plusYears(1), "bm90LWEtY3Vyc29y", 200);
        assertEquals(90, page.items().size());
        assertNull(page.nextCursor());
        assertEquals(1, calls);
    }
}
