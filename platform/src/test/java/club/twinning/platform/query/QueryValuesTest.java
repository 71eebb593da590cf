package club.twinning.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Blank is absent, text is trimmed, a bad date is a 400 naming its parameter. */
@Tag("unit")
class QueryValuesTest {

    @Test
    void blankIsAbsentAndTextIsTrimmed() {
        assertNull(QueryValues.text(null));
        assertNull(QueryValues.text("  "));
        assertEquals("MA-ESM", QueryValues.text(" MA-ESM "));
        assertNull(QueryValues.date("from", ""));
        assertEquals(LocalDate.of(2026, 3, 1), QueryValues.date("from", " 2026-03-01 "));
    }

    @Test
    void anInstantReadsLikeADate() {
        assertNull(QueryValues.instant("from", " "));
        assertEquals(java.time.Instant.parse("2026-11-25T08:00:00Z"), QueryValues.instant("from", "2026-11-25T08:00:00Z"));
        ProblemException e = assertThrows(ProblemException.class, () -> QueryValues.instant("to", "yesterday"));
        assertEquals("to", e.toProblem("/x").errors().get(0).field());
    }

    @Test
    void aBadDateNamesItsParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> QueryValues.date("signedFrom", "31/10/2025"));
        assertEquals(400, e.status());
        assertEquals("signedFrom", e.toProblem("/x").errors().get(0).field());
    }

    @Test
    void searchTextIsTrimmedThenHeldToItsLength() {
        assertNull(QueryValues.text("q", " ", 3));
        assertEquals("abc", QueryValues.text("q", "  abc  ", 3), "the spaces around do not count");
        ProblemException e = assertThrows(ProblemException.class, () -> QueryValues.text("q", "abcd", 3));
        assertEquals(400, e.status());
        assertEquals("q", e.toProblem("/x").errors().get(0).field());
        assertEquals("at most 3 characters (4 given)", e.toProblem("/x").errors().get(0).message());
    }

    enum Colour { RED, GREEN }

    @Test
    void aChoiceIsAConstantByNameAndAnyOtherWordNamesTheChoices() {
        assertNull(QueryValues.choice(Colour.class, "colour", " "));
        assertEquals(Colour.GREEN, QueryValues.choice(Colour.class, "colour", " GREEN "));
        ProblemException e = assertThrows(ProblemException.class, () -> QueryValues.choice(Colour.class, "colour", "green"));
        assertEquals(400, e.status());
        assertEquals("colour", e.toProblem("/x").errors().get(0).field());
        assertTrue(e.toProblem("/x").errors().get(0).message().contains("RED, GREEN"), e.toProblem("/x").errors().get(0).message());
    }
}
