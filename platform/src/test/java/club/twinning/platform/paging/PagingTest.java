package club.twinning.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The paging rules alone, without Quarkus: cursors round-trip, tampered ones and bad limits are 400s naming them. */
@Tag("unit")
class PagingTest {

    private static final UUID ID = UUID.fromString("6f1c2a52-3b1e-4d8e-9a55-0c4a3c1d2e3f");

    @Test
    void aCursorReadsBackAsItWasGivenOut() {
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        Cursor read = Cursor.decode(Cursor.after(at, ID).encode());
        assertEquals(ID, read.id());
        assertEquals(at, read.key(Instant::parse));
        // The wire form lists already gave out stays valid: base64url of "key\nid", no padding.
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(("TWN-1\n" + ID).getBytes(StandardCharsets.UTF_8)),
                Cursor.after("TWN-1", ID).encode());
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(" "));
    }

    @Test
    void aTamperedCursorIsABadCursorParameter() {
        String good = Cursor.after("2026-03-01", ID).encode();
        for (String bad : List.of("%%%", good.substring(0, good.length() - 3), encode("no id here"),
                encode("2026-03-01\nnot-a-uuid"))) {
            assertRefused(() -> Cursor.decode(bad), "cursor", bad);
        }
        Cursor otherList = Cursor.decode(encode("TWN-7\n" + ID));
        assertRefused(() -> otherList.key(Instant::parse), "cursor", "a key of another type");
    }

    @Test
    void aLimitIsBoundedWithADefault() {
        Limit limit = Limit.upTo(200);
        assertEquals(50, limit.of(null));
        assertEquals(1, limit.of(1));
        assertEquals(200, limit.of(200));
        assertEquals(10, Limit.upTo(10).of(null));
        for (int bad : new int[] {0, -1, 201}) {
            assertRefused(() -> limit.of(bad), "limit", String.valueOf(bad));
        }
    }

    @Test
    void aSliceOfOneRowMoreThanThePageLinksOn() {
        Slice<String> last = Slice.cut(List.of("a", "b"), 2, row -> Cursor.after(row, ID));
        assertEquals(List.of("a", "b"), last.rows());
        assertNull(last.next());
        Slice<String> more = Slice.cut(List.of("a", "b", "c"), 2, row -> Cursor.after(row, ID));
        assertEquals(List.of("a", "b"), more.rows());
        assertEquals("b", more.next().key());
        assertEquals(3, Limit.probe(2));
        Page<String> whole = Page.whole(List.of("x"));
        assertEquals(new Page<>(List.of("x"), null, null), whole);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Runnable read, String field, String what) {
        ProblemException e = assertThrows(ProblemException.class, read::run, what);
        assertEquals(400, e.status(), what);
        Problem problem = e.toProblem("/test");
        assertEquals(List.of(field), problem.errors().stream().map(Problem.FieldError::field).toList(), what);
    }
}
