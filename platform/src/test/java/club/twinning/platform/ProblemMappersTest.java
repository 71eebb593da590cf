package club.twinning.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Bad input gets RFC 9457 problem+json naming the field, never a stack trace. */
@QuarkusTest
class ProblemMappersTest {

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingIt() {
        given().when().get("/probe/x?limit=abc")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:twinning:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("limit"))
                .body("detail", containsString("limit"));
        given().when().get("/probe/x?limit=5&contact=not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("contact"));
        given().when().get("/probe/x?from=31/12/2026").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().when().get("/probe/x?page=1&page=two").then().statusCode(400).body("errors[0].field", equalTo("page"));
        // Well-typed values go through; an unknown path is still a 404.
        given().when().get("/probe/x?limit=5&contact=" + java.util.UUID.randomUUID() + "&from=2026-12-31&archived=true&page=1&page=2")
                .then().statusCode(200).body("limit", equalTo(5)).body("archived", equalTo(true));
        given().when().get("/probe/x/y").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void constraintViolationsNameEachField() {
        post("{\"title\":\"\",\"participants\":99,\"window\":{\"start\":\"2026-01-01\"}}", 400)
                .body("type", equalTo("urn:twinning:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("title", "participants", "window.end"));
    }

    @Test
    void aListElementsFieldIsSpelledLikeAJsonPath() {
        post("{\"title\":\"x\",\"participants\":1,\"window\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-02\"},"
                + "\"agenda\":[{\"time\":\"09:00\"},{\"time\":\"\"}],\"domains\":[\"culture\",\" \"]}", 400)
                .body("errors.field", hasItems("agenda[1].time", "domains[1]"));
        // Jackson's paths (a wrongly typed field) read the same way.
        post("{\"title\":\"x\",\"participants\":1,\"window\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-02\"},"
                + "\"agenda\":[{\"time\":[1]}]}", 400)
                .body("errors[0].field", equalTo("agenda[0].time"));
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        post("{\"title\":\"x\",\"participants\":\"many\",\"window\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-02\"}}", 400)
                .body("errors[0].field", equalTo("participants"));
        post("{\"title\":\"x\",\"participants\":1,\"window\":{\"start\":\"31/12/2026\",\"end\":\"2026-01-02\"}}", 400)
                .body("errors[0].field", equalTo("window.start"));
    }

    @Test
    void malformedJsonIsAProblemToo() {
        post("{\"title\": ", 400).body("title", equalTo("Unreadable request body"));
    }

    @Test
    void aWrongContentTypeIsAProblem() {
        post(ContentType.TEXT, "hello", 415);
    }

    @Test
    void anUnexpectedFailureHidesItsDetail() {
        post("{\"title\":\"boom\",\"participants\":1,\"window\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-02\"}}", 500)
                .body("detail", containsString("incident"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at club.twinning")));
    }

    /** A body posted to the probe, answered with {@code status} as problem+json. */
    private static ValidatableResponse post(String json, int status) {
        return post(ContentType.JSON, json, status);
    }

    private static ValidatableResponse post(ContentType type, String body, int status) {
        return given().contentType(type).body(body).when().post("/probe")
                .then().statusCode(status).contentType("application/problem+json");
    }
}
