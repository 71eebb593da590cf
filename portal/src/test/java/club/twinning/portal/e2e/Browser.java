package club.twinning.portal.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven by Playwright (never a downloaded browser), one fresh context per
 * person so that logins don't mix. Screenshots go to target/e2e-screenshots.
 */
final class Browser implements AutoCloseable {

    static final String PORTAL = "http://127.0.0.1:18080";
    private static final Path SCREENSHOTS = Paths.get("target", "e2e-screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("twinning.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                // This machine's network is closed: no background calls home, no sandbox as root.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    Page open(int width, int height) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("fr-FR"));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Logs in through the real Keycloak login page, and lands back in the portal. */
    Page loginAs(String username) {
        return loginAt("/app", username);
    }

    /** Asks for a portal page, logs in on the way through the real Keycloak login page, and lands on that page. */
    Page loginAt(String path, String username) {
        Page page = open(1280, 900);
        page.navigate(PORTAL + path);
        signIn(page, username);
        arrive(page, url -> url.startsWith(PORTAL + path));
        return page;
    }

    /** Fills Keycloak's login page, where the portal sent the browser, as a demo user (password demo). */
    static void signIn(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo");
        page.locator("#kc-login").click();
    }

    /** Waits for the page to reach a URL; if it does not, fails with what the page says (a refusal, a field error). */
    static void arrive(Page page, Predicate<String> url) {
        try {
            page.waitForURL(url);
        } catch (TimeoutError e) {
            screenshot(page, "stuck-" + System.currentTimeMillis());
            throw new AssertionError("the page stayed at " + page.url() + ", saying: "
                    + page.locator("[role=alert], .field-error, .notice, #kc-content-wrapper .alert-error").allInnerTexts(), e);
        }
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
