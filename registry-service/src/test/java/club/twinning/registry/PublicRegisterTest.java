package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.registry.api.Csv;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicRegisterTest {

    @Test
    @TestSecurity(user = "secretariat", roles = "secretariat")
    void onlyAgreementsInForceAreOpenToAllWithTheirDates() {
        String a = Fixtures.createParty("pub-a");
        String b = Fixtures.createParty("pub-b");
        String open = Fixtures.unique("OPEN");
        String draft = Fixtures.unique("DRAFT");
        String signed = Fixtures.unique("SIGNED");
        Fixtures.bringIntoForce(Fixtures.createAgreement(open, List.of(a, b)));
        Fixtures.createAgreement(draft, List.of(a, b));
        String signedId = Fixtures.createAgreement(signed, List.of(a, b));
        for (String step : List.of("NEGOTIATION", "PENDING_FORMALITIES", "SIGNED")) {
            Fixtures.move(signedId, step);
        }
        given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "Hidden", "email", "hidden@example.org"))
                .post("/api/parties/" + a + "/contacts").then().statusCode(201);

        JsonPath list = given().auth().none().get("/public/agreements").then().statusCode(200).extract().jsonPath();
        assertTrue(list.getList("reference").contains(open));
        assertFalse(list.getList("reference").contains(draft));
        assertFalse(list.getList("reference").contains(signed), "signed, not yet in force: not in the register");
        Map<String, Object> row = list.getMap("find { it.reference == '" + open + "' }");
        assertEquals("2025-10-31", row.get("signedOn"));
        assertEquals("2025-10-31", row.get("effectiveFrom"));
        assertFalse(list.prettify().contains("hidden@example.org"), "no contact in the public register");

        JsonPath geo = given().get("/public/agreements.geojson").then().statusCode(200)
                .contentType("application/geo+json").extract().jsonPath();
        assertEquals("FeatureCollection", geo.getString("type"));
        List<Map<String, Object>> lines = geo.getList("features.findAll { it.properties.reference == '" + open + "' }");
        assertEquals(1, lines.size());
        assertEquals("LineString", ((Map<?, ?>) lines.get(0).get("geometry")).get("type"));
        assertEquals("2025-10-31", ((Map<?, ?>) lines.get(0).get("properties")).get("effectiveFrom"));
        assertEquals(1, geo.getList("features.findAll { it.properties.code == '" + a + "' }").size(), "the party as a point");

        given().get("/public/agreements.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString(open)).body(not(containsString(draft))).body(not(containsString(signed)))
                .body(containsString("reference,type,status"))
                .body(containsString("signed_on")).body(containsString("effective_from"))
                .body(containsString(",2025-10-31,culture;youth,2025-10-31,"));
    }

    @Test
    void formulaLikeCellsAreDefused() {
        assertEquals("\"'=HYPERLINK(1)\"", Csv.cell("=HYPERLINK(1)"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("plain", Csv.cell("plain"));
    }
}
