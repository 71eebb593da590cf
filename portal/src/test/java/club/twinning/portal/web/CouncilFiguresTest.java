package club.twinning.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The year the council's visits chart opens on, whatever the month. */
@Tag("unit")
class CouncilFiguresTest {

    private static final List<Integer> YEARS = List.of(2023, 2024, 2025, 2026, 2027); // today in 2026

    private static CouncilFigures.Snapshot visits(Map<String, Map<Integer, Integer>> visits) {
        return new CouncilFigures.Snapshot(Instant.parse("2026-12-01T00:00:00Z"), Map.of(), List.of(), List.of(), visits, YEARS,
                Set.of(), Map.of(), List.of());
    }

    @Test
    void thisYearWhenItHoldsAVisit() {
        assertEquals(2026, visits(Map.of("agadez|es-semara", Map.of(2026, 1, 2027, 5))).shownYear());
    }

    @Test
    void nextYearInDecemberWhenThisYearHoldsNoneAndNextYearSome() {
        assertEquals(2027, visits(Map.of("agadez|es-semara", Map.of(2027, 2), "banjul|tangier", Map.of(2025, 3))).shownYear());
    }

    @Test
    void thisYearWhenNoYearAheadHoldsAnyEither() {
        assertEquals(2026, visits(Map.of()).shownYear());
        assertEquals(2026, visits(Map.of("banjul|tangier", Map.of(2024, 3, 2026, 0))).shownYear());
    }
}
