package club.twinning.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.system.AuthorizationMatrixTest.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each service's live OpenAPI document against what the service answers: every operation called by every caller of
 * the authorization matrix (writes with an empty body, as the matrix does), and each (operation, status) pair seen
 * must be one the document declares; a refusal must be application/problem+json as declared, a 201 carry Location.
 */
@Tag("e2e")
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @BeforeAll
    static void cityA() {
        AuthorizationMatrixTest.cityA();
    }

    @Test
    void registryAnswersOnlyWhatItsDocumentDeclares() throws Exception {
        assertThat(undeclared("registry", Stack.REGISTRY)).isEmpty();
    }

    @Test
    void exchangeAnswersOnlyWhatItsDocumentDeclares() throws Exception {
        assertThat(undeclared("exchange", Stack.EXCHANGE)).isEmpty();
    }

    @Test
    void notificationAnswersOnlyWhatItsDocumentDeclares() throws Exception {
        assertThat(undeclared("notification", Stack.NOTIFICATION)).isEmpty();
    }

    /** What the service answered that its document does not say, one line per (operation, caller). */
    static List<String> undeclared(String service, String base) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get(base + "/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (var path : iterable(doc.path("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                String method = operation.getKey().toUpperCase();
                if (!METHODS.contains(method)) {
                    continue;
                }
                String key = service + " " + method + " " + path.getKey() + " (" + operation.getValue().path("operationId").asText() + ")";
                JsonNode responses = operation.getValue().path("responses");
                for (Caller caller : AuthorizationMatrixTest.CALLERS) {
                    Response answer = call(caller, method, base + AuthorizationMatrixTest.resolve(service, path.getKey()));
                    calls++;
                    String status = String.valueOf(answer.statusCode());
                    JsonNode declared = responses.path(status);
                    if (declared.isMissingNode()) {
                        wrong.add(key + " as " + caller.column() + ": " + status + " is not declared (declared: "
                                + names(responses) + ")");
                        continue;
                    }
                    if (answer.statusCode() >= 400 && !declared.path("content").has("application/problem+json")) {
                        wrong.add(key + " as " + caller.column() + ": " + status + " is not declared as application/problem+json");
                    }
                    if (answer.statusCode() >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                        wrong.add(key + " as " + caller.column() + ": " + status + " answered " + answer.contentType()
                                + ", not application/problem+json");
                    }
                    if (answer.statusCode() == 201 && answer.header("Location") == null) {
                        wrong.add(key + " as " + caller.column() + ": 201 without Location");
                    }
                }
            }
        }
        System.out.println("\n" + service + ": " + calls + " calls, " + wrong.size() + " undeclared\n" + String.join("\n", wrong));
        assertThat(calls).as("operations called").isGreaterThan(0);
        return wrong;
    }

    private static Response call(Caller caller, String method, String url) {
        RequestSpecification request = caller.user() == null ? given() : given().auth().oauth2(Stack.token(caller.user()));
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, url);
    }

    private static String names(JsonNode responses) {
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        return String.join(", ", codes);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
