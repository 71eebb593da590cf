package club.twinning.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal resists forged forms, framing and caching, and builds its login for the public URL behind a proxy. */
@QuarkusTest
class SecurityTest {

    private static final String OWN = "http://127.0.0.1:18080";
    private static final String WITHDRAWAL = "/app/requests/00000000-0000-0000-0000-000000000001/withdrawal";

    @Test
    void aFormPostedFromAnotherSiteIsRefusedBeforeAnythingElse() {
        given().redirects().follow(false).header("Origin", "http://evil.example").formParam("reason", "x")
                .post(WITHDRAWAL).then().statusCode(403);
        given().redirects().follow(false).header("Origin", OWN).header("Sec-Fetch-Site", "cross-site")
                .formParam("reason", "x").post(WITHDRAWAL).then().statusCode(403);
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-site").formParam("reason", "x")
                .post(WITHDRAWAL).then().statusCode(403);
        // Neither header: not a browser's same-origin form, refused rather than trusted.
        given().redirects().follow(false).formParam("reason", "x").post(WITHDRAWAL).then().statusCode(403);
        // A forged logout is refused too.
        given().redirects().follow(false).header("Origin", "http://evil.example").post("/logout").then().statusCode(403);
    }

    @Test
    void aFormFromThePortalItselfGoesOnToTheLogin() {
        // Not logged in here, so the login answers; the point is that the origin check let it through.
        given().redirects().follow(false).header("Origin", OWN).formParam("reason", "x")
                .post(WITHDRAWAL).then().statusCode(302).header("Location", containsString("/protocol/openid-connect/auth"));
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").header("Origin", OWN)
                .formParam("reason", "x").post(WITHDRAWAL).then().statusCode(302);
        // Behind the proxy the page's origin is the public one.
        given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "portal.twinning.example.org")
                .header("Origin", "https://portal.twinning.example.org").formParam("reason", "x")
                .post(WITHDRAWAL).then().statusCode(302);
        given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "portal.twinning.example.org")
                .header("Origin", OWN).formParam("reason", "x").post(WITHDRAWAL).then().statusCode(403);
    }

    @Test
    void logoutIsAPostNeverALink() {
        given().redirects().follow(false).get("/logout").then().statusCode(405).header("Allow", "POST");
        // The menu of a logged-in person (the browser tests click it): a form's button, no link.
        String layout = new String(readLayout(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(layout.contains("<form method=\"post\" action=\"/logout\"") && !layout.contains("href=\"/logout\""), layout);
    }

    private static byte[] readLayout() {
        try (var in = SecurityTest.class.getResourceAsStream("/templates/layout.html")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyAnswerForbidsInlineScriptFramingAndSniffing() {
        for (String path : new String[] {"/", "/assets/portal.css", "/lang/fr"}) {
            Response response = given().redirects().follow(false).get(path);
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
                    && csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), path + ": " + csp);
            assertTrue(csp.contains("form-action 'self' http://127.0.0.1:8180"), "the logout may redirect to the login server: " + csp);
            response.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin");
        }
        // The public pages are cacheable, everything behind the login is not.
        given().get("/").then().header("Cache-Control", nullValue());
        given().redirects().follow(false).get("/app/requests").then().header("Cache-Control", "no-store");
    }

    @Test
    void thePublicPageHasNoInlineScriptOrStyle() {
        for (String language : new String[] {"fr", "ar", "en"}) {
            String page = given().header("Accept-Language", language).get("/").asString();
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page).find(), "inline <script> in " + language);
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(page).find(), "inline event handler in " + language);
            assertFalse(Pattern.compile("\\sstyle=|<style").matcher(page).find(), "inline style in " + language);
        }
    }

    @Test
    void behindTheProxyTheCallbackIsHttpsAndTheCookiesSecure() {
        Response forwarded = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "portal.twinning.example.org").get("/app/requests");
        forwarded.then().statusCode(302).header("Location", allOf(
                containsString("redirect_uri=https%3A%2F%2Fportal.twinning.example.org%2Fapp%2Fcallback"),
                not(containsString("redirect_uri=http%3A"))));
        assertTrue(forwarded.headers().getValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("q_auth") && c.contains("Secure")),
                "the state cookie is Secure: " + forwarded.headers().getValues("Set-Cookie"));

        Response direct = given().redirects().follow(false).get("/app/requests");
        direct.then().statusCode(302).header("Location", containsString("redirect_uri=http%3A%2F%2F127.0.0.1%3A18080%2Fapp%2Fcallback"));
        assertTrue(direct.headers().getValues("Set-Cookie").stream()
                .noneMatch(c -> c.startsWith("q_auth") && c.contains("Secure")), "plain http locally");
        given().get("/").then().statusCode(equalTo(200));
    }
}
