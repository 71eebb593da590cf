package club.twinning.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What anyone sees before logging in, in the three languages, and the way in. */
@QuarkusTest
class PublicPagesTest {

    @Test
    void theRegisterSpeaksTheBrowsersLanguageAndArabicIsRightToLeft() {
        given().header("Accept-Language", "ar").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"), containsString("السجل العام"));
        given().header("Accept-Language", "en-GB").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"), containsString("The register of twinnings"));
        given().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"), containsString("Le registre des jumelages"));
    }

    @Test
    void theChosenLanguageIsRememberedAndOnlyLocalPathsAreFollowed() {
        given().redirects().follow(false).get("/lang/ar?back=/app/requests").then().statusCode(303)
                .header("Location", startsWith("http")).header("Location", containsString("/app/requests"))
                .cookie("twinning-lang", "ar");
        given().redirects().follow(false).get("/lang/en?back=//evil.example.org/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(":18080/"));
        given().cookie("twinning-lang", "ar").header("Accept-Language", "en").get("/").then()
                .body(containsString("dir=\"rtl\""));
    }

    @Test
    void theMapIsServedByThePortalItself() {
        given().get("/vendor/world-atlas/countries-110m.json").then().statusCode(200)
                .body(containsString("\"countries\""));
        given().get("/vendor/topojson-client/dist/topojson-client.min.js").then().statusCode(200);
        given().get("/assets/map.js").then().statusCode(200).body(containsString("countries-110m.json"));
        given().get("/").then().body(containsString("src=\"/vendor/topojson-client/dist/topojson-client.min.js\""))
                .body(org.hamcrest.Matchers.not(containsString("https://")));
    }

    @Test
    void pagesForMembersSendToTheRealmsLoginPage() {
        given().redirects().follow(false).get("/app").then().statusCode(302)
                .header("Location", startsWith("http://127.0.0.1:8180/realms/twinning/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=twinning-portal"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    @org.junit.jupiter.api.Tag("e2e") // the register comes from the running registry-service: run with the stack (-Pe2e)
    void theCsvOpensAsUtf8InASpreadsheet() {
        byte[] csv = given().get("/public/agreements.csv").then().statusCode(200)
                .contentType(containsString("charset=utf-8")).extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                java.util.Arrays.copyOf(csv, 3), "a UTF-8 byte order mark first");
        org.junit.jupiter.api.Assertions.assertTrue(new String(csv, java.nio.charset.StandardCharsets.UTF_8).substring(1)
                .startsWith("reference,"), "then the header line");
    }
}
