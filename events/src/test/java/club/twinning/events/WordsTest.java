package club.twinning.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import club.twinning.events.Words.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WordsTest {

    /** The codes the services emit (registry's AgreementStatus, exchange's RequestStatus and VisitStatus, notification's DeliveryStatus). */
    static final Map<Kind, List<String>> CODES = Map.of(
            Kind.AGREEMENT, List.of("DRAFT", "NEGOTIATION", "PENDING_FORMALITIES", "SIGNED", "IN_FORCE", "SUSPENDED", "TERMINATED", "EXPIRED"),
            Kind.REQUEST, List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN", "SCHEDULED",
                    "COMPLETED", "ON_HOLD", "CLOSED"),
            Kind.VISIT, List.of("PLANNED", "CONFIRMED", "COMPLETED", "CANCELLED"),
            Kind.DELIVERY, List.of("PENDING", "SENDING", "RETRYING", "SENT", "FAILED", "DIGEST"));
    static final List<String> ROLES = List.of("requesting", "partner", "host", "visiting");
    static final List<String> LANGUAGES = List.of("fr", "ar", "en");

    @Test
    void theThreeLanguagesHaveTheSameKeys() throws IOException {
        Properties fr = load("fr");
        for (String language : List.of("ar", "en")) {
            assertEquals(fr.stringPropertyNames(), load(language).stringPropertyNames(), language + " against fr");
        }
    }

    @Test
    void everyStatusRoleAndDomainHasAWordInEveryLanguage() {
        for (String language : LANGUAGES) {
            Words words = Words.of(language);
            CODES.forEach((kind, codes) -> codes.forEach(code ->
                    assertNotEquals(code, words.status(kind, code), language + " " + kind + " " + code)));
            ROLES.forEach(role -> assertNotEquals(role, words.role(role), language + " role " + role));
            for (CooperationDomain d : CooperationDomain.values()) {
                assertNotEquals(d.code(), words.domain(d.code()), language + " domain " + d.code());
                assertEquals(words.domain(d.code()), d.label(language));
            }
        }
    }

    @Test
    void aWordAgreesWithWhatItIsAbout() {
        assertEquals("منجز", Words.of("ar").status(Kind.REQUEST, "COMPLETED"));
        assertEquals("منجزة", Words.of("ar").status(Kind.VISIT, "COMPLETED"));
        assertEquals("réalisée", Words.of("fr").status(Kind.REQUEST, "COMPLETED"));
        assertEquals("effectuée", Words.of("fr").status(Kind.VISIT, "COMPLETED"));
        assertEquals("suspendu", Words.of("fr").status(Kind.AGREEMENT, "SUSPENDED"));
        assertEquals("réalisée", Words.of("fr").status("COMPLETED"), "without a kind, the first that has the code");
        assertEquals("envoyé", Words.of("fr").status("SENT"));
    }

    @Test
    void anUnknownCodeReadsAsItselfAndAnUnknownLanguageAsFrench() {
        assertEquals("ARCHIVED", Words.of("en").status(Kind.REQUEST, "ARCHIVED"));
        assertEquals("ARCHIVED", Words.of("en").status("ARCHIVED"));
        assertEquals("space-travel", Words.of("ar").domain("space-travel"));
        assertNull(Words.of("en").status(Kind.VISIT, null));
        assertNull(Words.of("en").domain(null));
        assertEquals("en vigueur", Words.of(null).status(Kind.AGREEMENT, "IN_FORCE"));
        assertEquals("en vigueur", Words.of("de").status(Kind.AGREEMENT, "IN_FORCE"));
        assertEquals("Gestion des espaces désertiques", CooperationDomain.DESERT_LAND_MANAGEMENT.label(null));
        assertEquals("تدبير المجالات الصحراوية", CooperationDomain.DESERT_LAND_MANAGEMENT.label("ar"));
        assertEquals("Desert and land management", CooperationDomain.DESERT_LAND_MANAGEMENT.label("en"));
    }

    @Test
    void aLabelIsTheWordCapitalised() {
        assertEquals("À modifier", Words.of("fr").label(Words.of("fr").status(Kind.REQUEST, "CHANGES_REQUESTED")));
        assertEquals("Visit planned", Words.of("en").label(Words.of("en").status(Kind.REQUEST, "SCHEDULED")));
        assertEquals("مطلوب تعديله", Words.of("ar").label(Words.of("ar").status(Kind.REQUEST, "CHANGES_REQUESTED")));
        assertEquals("", Words.of("en").label(""));
        assertNull(Words.of("en").label(null));
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Words.class.getResourceAsStream("words_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
