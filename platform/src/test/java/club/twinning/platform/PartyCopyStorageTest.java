package club.twinning.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.events.payload.PartyChanged;
import club.twinning.platform.replica.PartyCopy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PartyCopy's columns map in a service's entity (another jar's mapped superclass) and its copy is stored and read back. */
@QuarkusTest
class PartyCopyStorageTest {

    @Test
    void aCopyIsStoredWithTheSharedColumnsAndItsOwn() {
        String code = "town-" + UUID.randomUUID();
        store(party(code, 2, "Ville"));
        store(party(code, 1, "Ancienne"));
        KnownParty read = QuarkusTransaction.requiringNew().call(() -> KnownParty.findById(code));
        assertEquals("Ville", read.nameFr);
        assertEquals("Town", read.name("en"));
        assertEquals("Africa/Niamey", read.timeZone);
        assertEquals("NE", read.country);
        assertEquals(2, read.version);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> KnownParty.count("code", code)) == 1);
    }

    private static void store(PartyChanged event) {
        QuarkusTransaction.requiringNew().run(() -> PartyCopy.store(event, KnownParty.findById(event.code()), KnownParty::new));
    }

    private static PartyChanged party(String code, long version, String nameFr) {
        return new PartyChanged(code, "MUNICIPALITY", nameFr, null, "Town", "NE", null, 17.0, 8.0, "Africa/Niamey", "fr",
                List.of(), version);
    }
}
