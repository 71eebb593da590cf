package club.twinning.system;

import club.twinning.testing.KeycloakTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

/** Where the running stack of {@code ./twinning up} answers, on this machine. */
public final class Stack {

    public static final String REGISTRY = "http://127.0.0.1:8081";
    public static final String EXCHANGE = "http://127.0.0.1:8082";
    public static final String NOTIFICATION = "http://127.0.0.1:8083";
    public static final String KEYCLOAK = "http://127.0.0.1:8180";
    public static final String MAIL_API = "http://127.0.0.1:8025/api/user/";
    public static final int PG_PORT = 15432;

    private Stack() {
    }

    public static String token(String user) {
        return KeycloakTokens.of(user);
    }

    /** A service's own database (each has one, named like it, with a same-named local-only role). */
    public static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(name), name, name);
    }

    /** The JDBC URL of a database of the stack's PostgreSQL. */
    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database;
    }

    /** The demo agreement binding two parties (./twinning up loads it). */
    public static String agreementBetween(String a, String b) {
        java.util.List<java.util.Map<String, Object>> items = io.restassured.RestAssured.given().auth().oauth2(token("partner." + a))
                .get(REGISTRY + "/api/agreements?party=" + a).then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> ((java.util.List<?>) i.get("parties")).contains(b)).map(i -> (String) i.get("id"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no agreement between " + a + " and " + b
                        + ": run ./twinning up first"));
    }

    /** An expertise request asking {@code partner} for know-how under {@code agreementId}, two months ahead. */
    public static Map<String, Object> requestBody(String partner, String agreementId, String title) {
        LocalDate start = LocalDate.now().plusMonths(2);
        return Map.of("partnerParty", partner, "agreementId", agreementId, "domain", "desert-land-management",
                "title", title, "need", "Partage d'expérience", "direction", "THEY_VISIT_US",
                "window", Map.of("start", start.toString(), "end", start.plusDays(10).toString()),
                "participants", 2, "language", "fr");
    }

    public static long count(String database, String sql) {
        try (Connection c = database(database); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
