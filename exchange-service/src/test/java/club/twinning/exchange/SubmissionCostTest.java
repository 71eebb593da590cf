package club.twinning.exchange;

import static club.twinning.exchange.Calls.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What one submission costs the database (issue 14): at most three round trips and one commit, counted from the
 * statements Hibernate sends on the request's own thread; a retry with the same Idempotency-Key writes nothing.
 */
@QuarkusTest
class SubmissionCostTest extends AgadezEsSemaraTwinned {

    @Inject
    @PersistenceUnitExtension
    SqlTrace trace;

    @Test
    void aSubmissionIsThreeRoundTripsAndOneCommit() {
        Calls.submit("partner.agadez", "es-semara"); // warm: the first call also reads what start-up left cold
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Calls.request("es-semara", "Demande " + key);
        trace.clear();
        String id = as("partner.agadez").header("Idempotency-Key", key).body(body).post("/api/requests")
                .then().statusCode(201).extract().path("id");
        List<SqlTrace.Entry> submission = trace.ofThreadThat("insert into exchange_request");
        long statements = submission.stream().filter(e -> !e.sql().startsWith("-- ")).count();
        long transactions = submission.stream().filter(e -> e.sql().equals(SqlTrace.BEGIN)).count();
        System.out.printf("submission: %d statements, %d transactions%n%s%n", statements, transactions,
                String.join("\n", submission.stream().map(SqlTrace.Entry::sql).toList()));
        assertEquals(1, transactions, "one transaction, so one commit");
        assertTrue(statements <= 3, statements + " round trips: " + submission);
        assertEquals(SqlTrace.END, submission.get(submission.size() - 1).sql(), "no read after the commit");

        trace.clear();
        as("partner.agadez").header("Idempotency-Key", key).body(body).post("/api/requests")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(id));
        assertTrue(trace.ofThreadThat("exchange_request").stream()
                .noneMatch(e -> e.sql().toLowerCase().contains("outbox_event")), "a retry announces nothing again");
    }
}
