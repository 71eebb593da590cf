package club.twinning.platform.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A late event does not overwrite a newer copy; the same version again, or a newer one, does. */
@Tag("unit")
class LocalCopyTest {

    static final class Copy implements LocalCopy.Versioned {
        final long version;

        Copy(long version) {
            this.version = version;
        }

        @Override
        public long copiedVersion() {
            return version;
        }
    }

    @Test
    void anOlderEventIsIgnoredAndANewerOrEqualOneUpdates() {
        Copy five = new Copy(5);
        assertTrue(LocalCopy.toUpdate(five, 4, () -> new Copy(0)).isEmpty());
        assertSame(five, LocalCopy.toUpdate(five, 5, () -> new Copy(0)).orElseThrow());
        assertSame(five, LocalCopy.toUpdate(five, 6, () -> new Copy(0)).orElseThrow());
        assertEquals(0, LocalCopy.toUpdate(null, 6, () -> new Copy(0)).orElseThrow().version);
    }
}
