package club.twinning.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/**
 * What every service must do, on the real PostgreSQL, Kafka and Keycloak that {@code ./twinning test}
 * starts. A service's test extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceContractTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readyMeansItsDatabaseNotKafka() {
        // The outbox rides out a Kafka outage: a pod that can serve its API from its database stays ready.
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
    }

    @Test
    void migrationsRan() throws Exception {
        MigrationInfo[] applied = flyway.info().applied();
        assertTrue(applied.length > 0, "no migration applied");
        // A platform migration added after a service's own ones is applied out of order on an existing database.
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS
                || m.getState() == MigrationState.OUT_OF_ORDER));
        try (Connection c = dataSource.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, "public", "outbox_event", null)) {
            assertTrue(tables.next(), "outbox_event table missing");
        }
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/ping"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void refusesACallWithoutToken() {
        given().when().get("/api/ping").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/ping").then().statusCode(401);
    }

    @Test
    void acceptsARealKeycloakTokenAndReadsItsCityClaim() {
        given().auth().oauth2(KeycloakTokens.of("partner.es-semara"))
                .when().get("/api/ping")
                .then().statusCode(200)
                .body("user", equalTo("partner.es-semara"))
                .body("city", equalTo("es-semara"))
                .body("roles", hasItem("partner"));
    }

    @Test
    void refusesARealKeycloakTokenOfTheWrongRole() {
        int status = given().auth().oauth2(KeycloakTokens.of("partner.es-semara"))
                .when().get("/api/ops/messaging")
                .then().contentType("application/problem+json").extract().statusCode();
        assertEquals(403, status);
        given().auth().oauth2(KeycloakTokens.of("ops"))
                .when().get("/api/ops/messaging")
                .then().statusCode(200)
                .body("outboxPending", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }
}
