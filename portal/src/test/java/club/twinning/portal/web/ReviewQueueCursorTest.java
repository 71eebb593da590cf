package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The review queue's cursor: each waiting status's own service cursor, carried as one URL-safe cursor. */
@Tag("unit")
class ReviewQueueCursorTest {

    @Test
    void bothListsCursorsTravelTogetherAndEndTogether() {
        String both = ReviewPage.QueueCursor.encode(List.of("MjAyNi0xMS0zMFQ", ReviewPage.QueueCursor.DONE));
        assertEquals(both, Pages.cursor(both), "a cursor Pages carries as it is");
        assertEquals(List.of("MjAyNi0xMS0zMFQ", "-"), ReviewPage.QueueCursor.decode(both, 2));
        assertNull(ReviewPage.QueueCursor.encode(List.of("-", "-")), "no next page once both lists are done");
    }

    @Test
    void aCursorNotOursStartsBothListsAgain() {
        assertEquals(Arrays.asList(null, null), ReviewPage.QueueCursor.decode(null, 2));
        assertEquals(Arrays.asList(null, null), ReviewPage.QueueCursor.decode("bm9wZQ", 2));
        assertEquals(Arrays.asList(null, null), ReviewPage.QueueCursor.decode("***", 2));
    }
}
