package club.twinning.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A partner's scope is its own city, whatever it asks for; a wider role's scope is what it asks for. */
@Tag("unit")
class CityScopeTest {

    @Test
    void aPartnerSeesItsOwnCityWhateverItAsks() {
        CityScope agadez = new CityScope("NE-AGZ");
        assertEquals("NE-AGZ", agadez.filter("MA-ESM"));
        assertEquals("NE-AGZ", agadez.filter(null));
        assertTrue(agadez.covers("NE-AGZ"));
        assertFalse(agadez.covers("MA-ESM"));
        assertTrue(agadez.coversAny(List.of("MA-ESM", "NE-AGZ")));
        assertEquals(403, assertThrows(ProblemException.class, () -> agadez.require(List.of("MA-ESM", "GM-BJL"), "visits"))
                .status());
    }

    @Test
    void everyCityIsWhatWasAskedFor() {
        assertEquals("MA-ESM", CityScope.EVERY_CITY.filter("MA-ESM"));
        assertEquals(null, CityScope.EVERY_CITY.filter(null));
        assertTrue(CityScope.EVERY_CITY.covers("anything"));
        CityScope.EVERY_CITY.require(List.of("MA-ESM"), "visits");
    }
}
