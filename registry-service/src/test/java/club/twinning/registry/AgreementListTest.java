package club.twinning.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "secretariat", roles = "secretariat")
class AgreementListTest {

    @Test
    void keysetPagesWalkAFewHundredAgreementsOnceEachInOrder() {
        String a = Fixtures.createParty("page-a");
        String b = Fixtures.createParty("page-b");
        String prefix = Fixtures.unique("PAGE");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 240; i++) {
            created.add(prefix + "-" + String.format("%03d", i));
        }
        created.forEach(reference -> Fixtures.createAgreement(reference, List.of(a, b)));

        List<String> seen = new ArrayList<>();
        String url = "/api/agreements?party=" + a + "&limit=50";
        int pages = 0;
        while (url != null) {
            JsonPath page = given().get(url).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.reference"));
            String next = page.getString("next");
            url = next == null ? null : next.substring(next.indexOf("/api/"));
            pages++;
        }
        assertEquals(5, pages);
        assertEquals(240, seen.size());
        assertEquals(created, new HashSet<>(seen));
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(String::compareTo);
        assertEquals(sorted, seen, "sorted by reference");

        List<String> descending = given().get("/api/agreements?party=" + a + "&limit=3&sort=-reference").then()
                .extract().jsonPath().getList("items.reference");
        assertEquals(List.of(prefix + "-239", prefix + "-238", prefix + "-237"), descending);
    }

    @Test
    void filtersNarrowTheList() {
        String a = Fixtures.createParty("filter-a");
        String b = Fixtures.createParty("filter-b");
        String inForce = Fixtures.createAgreement(Fixtures.unique("F"), List.of(a, b));
        Fixtures.bringIntoForce(inForce);
        Fixtures.createAgreement(Fixtures.unique("F"), List.of(a, b));
        given().get("/api/agreements?party=" + a + "&status=IN_FORCE").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(inForce));
        given().get("/api/agreements?party=" + a + "&domain=youth&type=TWINNING&country=MA"
                + "&signedFrom=2025-10-01&signedTo=2025-11-30").then().body("items", hasSize(2));
        given().get("/api/agreements?party=" + a + "&domain=trade").then().body("items", hasSize(0));
        given().get("/api/agreements?status=LOST").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().get("/api/agreements?cursor=garbage").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().get("/api/agreements?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/agreements?limit=501").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        // A cursor of the reference order sent to the date order: its key is no date, a 400 (not a failed query).
        String byReference = given().get("/api/agreements?limit=1").then().statusCode(200).extract().path("nextCursor");
        given().get("/api/agreements?sort=signedOn&cursor=" + byReference).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().get("/api/agreements?signedFrom=31/10/2025").then().statusCode(400);
        // Search text: 200 characters is a search, 201 is a 400 naming q (a pasted page searched nothing, an empty 200).
        given().get("/api/agreements?q=" + "x".repeat(200)).then().statusCode(200).body("items", hasSize(0));
        given().get("/api/agreements?q=" + "x".repeat(201)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().get("/api/agreements?q=" + "x".repeat(7000)).then().statusCode(400).body("errors[0].field", equalTo("q"));
        String text = given().get("/api/agreements/" + inForce).then().extract().path("reference");
        assertTrue(given().get("/api/agreements?q=" + text.toLowerCase()).then().extract().jsonPath()
                .getList("items.id").contains(inForce));
    }
}
