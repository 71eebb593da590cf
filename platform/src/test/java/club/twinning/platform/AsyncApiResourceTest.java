package club.twinning.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every service serves the platform's AsyncAPI document to anyone, as YAML or JSON, outside its own API. */
@QuarkusTest
class AsyncApiResourceTest {

    @Test
    void theDocumentIsServedAsYamlWithoutAToken() {
        given().when().get("/q/asyncapi")
                .then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(startsWith("asyncapi: 3.0.0"))
                .body(containsString("club.twinning.request.submitted"));
    }

    @Test
    void andAsJson() {
        given().when().get("/q/asyncapi?format=json")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.requests.address", equalTo("twinning.exchange.requests"))
                .body("components.schemas.WebhookHeaders.required", org.hamcrest.Matchers.hasItem("Twinning-Signature"));
    }

    @Test
    void itIsNoOperationOfTheServicesOwnApi() {
        // No path of the OpenAPI document (its description may well point readers at the AsyncAPI one).
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", not(org.hamcrest.Matchers.hasKey("/q/asyncapi")))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/ops/messaging"));
    }
}
