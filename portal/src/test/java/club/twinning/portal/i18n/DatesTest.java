package club.twinning.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dates as each reader writes them (the JDK's CLDR formats), Latin digits in Arabic too. */
@Tag("unit")
class DatesTest {

    @Test
    void eachLanguageItsOwnFormat() {
        assertEquals("12 mars 2027", new Dates(Locale.FRENCH).day("2027-03-12"));
        assertEquals("Mar 12, 2027", new Dates(Locale.ENGLISH).day("2027-03-12"));
        String arabic = new Dates(Locale.forLanguageTag("ar")).day("2027-03-12");
        assertTrue(arabic.contains("12") && arabic.contains("2027"), "Latin digits: " + arabic);
        assertTrue(arabic.chars().noneMatch(c -> c >= 0x0660 && c <= 0x0669), "no Arabic-Indic digits: " + arabic);
    }

    @Test
    void rangesTimesMonthsAndWhatIsNotADate() {
        assertEquals("12 mars 2027 – 15 mars 2027", new Dates(Locale.FRENCH).range("2027-03-12", "2027-03-15"));
        assertEquals("12 mars 2027", new Dates(Locale.FRENCH).range("2027-03-12", "2027-03-12"));
        assertTrue(new Dates(Locale.FRENCH).time("2027-03-12T09:30:00Z").startsWith("12 mars 2027"));
        assertTrue(new Dates(Locale.FRENCH).time("2027-03-12T09:30:00.123456Z").endsWith("09:30 UTC"));
        assertEquals("mars 2027", new Dates(Locale.FRENCH).month("2027-03"));
        assertEquals("soon", new Dates(Locale.FRENCH).day("soon"));
        assertEquals("", new Dates(Locale.FRENCH).day(null));
    }
}
