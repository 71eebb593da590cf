package club.twinning.platform.party;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The reader's language first, then French, English, Arabic, then the code; blank is no name. */
@Tag("unit")
class PartyNamesTest {

    @Test
    void theReadersLanguageFirstThenTheOthersThenTheCode() {
        PartyNames all = new PartyNames("agadez", "Agadez", "أغاديس", "Agadez (en)");
        assertEquals("أغاديس", all.in("ar"));
        assertEquals("Agadez (en)", all.in("EN"));
        assertEquals("Agadez", all.in(null));
        assertEquals("Agadez", all.in("de"));
        PartyNames arabicOnly = new PartyNames("agadez", " ", "أغاديس", null);
        assertEquals("أغاديس", arabicOnly.in("fr"));
        assertEquals("أغاديس", arabicOnly.in("en"));
        assertEquals("Banjul", new PartyNames("banjul", null, "", "Banjul").in("ar"));
        assertEquals("tangier", new PartyNames("tangier", null, null, "").in("fr"));
    }
}
