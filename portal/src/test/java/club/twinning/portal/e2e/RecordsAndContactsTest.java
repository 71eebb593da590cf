package club.twinning.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The secretariat records a party and gives it a contact; that contact's notifications become a daily digest. */
@QuarkusTest
@Tag("e2e")
class RecordsAndContactsTest {

    @Test
    void theSecretariatRecordsAPartyAndItsContactChoosesADailyDigest() {
        String code = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            Page page = browser.loginAt("/app/parties/new", "secretariat");

            // A wrong country code is refused next to its field, and nothing is recorded.
            page.locator("input[name=code]").fill(code);
            page.locator("input[name=nameFr]").fill("Ville de test " + code);
            page.locator("input[name=country]").fill("Maroc");
            page.locator("#party-form button[type=submit]").click();
            assertTrue(page.locator(".field-error[data-field=country]").isVisible(), "the country is refused by name");

            page.locator("input[name=country]").fill("MA");
            page.locator("input[name=timeZone]").fill("Africa/Casablanca");
            page.locator("#party-form button[type=submit]").click();
            page.waitForURL(url -> url.contains("/app/contacts?party=" + code));

            // The secretariat, and only it, says whether a contact is the council's address.
            assertEquals(1, page.locator("#contact-form input[name=councilMember]").count(), "the secretariat's council box");
            page.locator("#contact-form input[name=name]").fill("Point focal " + code);
            page.locator("#contact-form input[name=email]").fill("focal@" + code + ".example.org");
            page.locator("#contact-form button[type=submit]").click();
            page.waitForSelector("#contacts section.card");
            Browser.screenshot(page, "7-contacts");

            // notification-service learns of the contact from its event; then the preference can be kept.
            for (int i = 0; i < 30; i++) {
                page.locator("#contacts input[name=digest][value=DAILY]").first().check();
                page.locator("#contacts section.card button[type=submit]").first().click();
                page.waitForLoadState();
                if (page.url().contains("/app/contacts?party=" + code)
                        && page.locator("#contacts input[name=digest][value=DAILY]").first().isChecked()) {
                    break;
                }
                page.waitForTimeout(1000);
                page.navigate(Browser.PORTAL + "/app/contacts?party=" + code);
            }
            assertTrue(page.locator("#contacts input[name=digest][value=DAILY]").first().isChecked(), "the daily digest is kept");
            assertEquals("Point focal " + code, page.locator("#contacts h2").first().textContent().trim());
            Browser.screenshot(page, "8-contact-daily-digest");
        }
    }

    @Test
    void aPartnerHasNoCouncilBoxOnItsContactForm() {
        try (Browser browser = new Browser()) {
            Page page = browser.loginAt("/app/contacts", "partner.agadez");
            assertEquals(1, page.locator("#contact-form").count());
            assertEquals(0, page.locator("#contact-form input[name=councilMember]").count(), "no council box for a partner");
        }
    }
}
