package club.twinning.platform.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.payload.PartyChanged;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A service's copy of a party takes the shared columns and its own from an event not older than itself. */
@Tag("unit")
class PartyCopyTest {

    /** A service's copy with a column of its own (as exchange keeps the country). */
    static final class Copy extends PartyCopy {
        String country;

        @Override
        protected void copy(PartyChanged event) {
            super.copy(event);
            country = event.country();
        }
    }

    static PartyChanged agadez(long version, String nameFr) {
        return new PartyChanged("agadez", "MUNICIPALITY", nameFr, "أغاديس", null, "NE", null, 17.0, 8.0,
                "Africa/Niamey", "fr", List.of("culture"), version);
    }

    @Test
    void aFirstEventMakesTheCopyWithEveryColumn() {
        Copy copy = PartyCopy.update(agadez(3, "Agadez"), null, Copy::new).orElseThrow();
        assertEquals("agadez", copy.code);
        assertEquals("Agadez", copy.nameFr);
        assertEquals("أغاديس", copy.nameAr);
        assertEquals("fr", copy.language);
        assertEquals("Africa/Niamey", copy.timeZone);
        assertEquals("NE", copy.country);
        assertEquals(3, copy.copiedVersion());
        assertEquals("Agadez", copy.name("en"));
    }

    @Test
    void anOlderEventLeavesTheCopyAndANewerOneUpdatesIt() {
        Copy copy = PartyCopy.update(agadez(3, "Agadez"), null, Copy::new).orElseThrow();
        assertTrue(PartyCopy.update(agadez(2, "Old"), copy, Copy::new).isEmpty());
        assertEquals("Agadez", copy.nameFr);
        assertSame(copy, PartyCopy.update(agadez(4, "Agadez-Ville"), copy, Copy::new).orElseThrow());
        assertEquals("Agadez-Ville", copy.nameFr);
        assertEquals(4, copy.version);
    }
}
