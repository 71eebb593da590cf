package club.twinning.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.twinning.platform.problem.ProblemException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Absent filters add nothing; the cursor adds the keyset condition of the list's order; a bad cursor key is a 400. */
@Tag("unit")
class WhereTest {

    private static final UUID ID = UUID.fromString("6f1c2a52-3b1e-4d8e-9a55-0c4a3c1d2e3f");

    @Test
    void onlyTheGivenFiltersAndNoCursorOnTheFirstPage() {
        Where where = new Where()
                .and("r.domain = :domain", "domain", "culture")
                .and("r.status = :status", "status", null)
                .after(null, "r.submittedAt", "r.id", true, Instant::parse);
        assertEquals("1 = 1 and r.domain = :domain", where.toString());
        assertEquals(Map.of("domain", "culture"), where.parameters());
    }

    @Test
    void theCursorFollowsTheOrder() {
        Instant at = Instant.parse("2026-03-01T10:15:30Z");
        Where descending = new Where().after(Cursor.after(at, ID), "r.submittedAt", "r.id", true, Instant::parse);
        assertEquals("1 = 1 and (r.submittedAt < :after or (r.submittedAt = :after and r.id < :afterId))", descending.toString());
        assertEquals(Map.of("after", at, "afterId", ID), descending.parameters());
        Where ascending = new Where().and("a.x = 1").bind("noDate", 0)
                .after(Cursor.after("FR-1", ID), "a.reference", "a.id", false, key -> key);
        assertEquals("1 = 1 and a.x = 1 and (a.reference > :after or (a.reference = :after and a.id > :afterId))",
                ascending.toString());
        assertEquals(Map.of("noDate", 0, "after", "FR-1", "afterId", ID), ascending.parameters());
        assertEquals(" order by r.submittedAt desc, r.id desc", Where.orderBy("r.submittedAt", "r.id", true));
        assertEquals(" order by a.reference asc, a.id asc", Where.orderBy("a.reference", "a.id", false));
    }

    @Test
    void aCursorKeyOfAnotherTypeIsA400() {
        Cursor reference = Cursor.after("FR-1", ID);
        ProblemException e = assertThrows(ProblemException.class,
                () -> new Where().after(reference, "r.submittedAt", "r.id", true, Instant::parse));
        assertEquals(400, e.status());
    }
}
