package club.twinning.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Keeping every vote changes the votes' table: the votes cast before it stay, current, each with an id. */
class VoteMigrationTest {

    @Test
    void votesCastBeforeTheMigrationAreKeptAsCurrentVotes() throws Exception {
        // The module's test database (application.properties), in a schema of its own that is dropped afterwards.
        String url = "jdbc:postgresql://127.0.0.1:15432/exchange_test";
        String user = "exchange";
        String password = "exchange";
        String schema = "vote_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            try {
                Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration")
                        .target("1").load().migrate();
                sql.execute("SET search_path TO " + schema);
                sql.execute("""
                        INSERT INTO exchange_request (id, requesting_party, partner_party, agreement_id, domain, title, need,
                            direction, window_start, window_end, participants, language, status, submitted_by, submitted_at)
                        VALUES ('00000000-0000-0000-0000-000000000001', 'agadez', 'es-semara', gen_random_uuid(), 'culture', 't',
                            'n', 'THEY_VISIT_US', DATE '2026-01-01', DATE '2026-02-01', 1, 'fr', 'UNDER_REVIEW', 'p', now())""");
                sql.execute("""
                        INSERT INTO council_vote (request_id, voter, choice, reason, cast_at) VALUES
                            ('00000000-0000-0000-0000-000000000001', 'council.expert', 'APPROVE', NULL, now()),
                            ('00000000-0000-0000-0000-000000000001', 'council.tombouctou', 'REJECT', 'budget', now())""");
                Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration")
                        .load().migrate();
                try (ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT id), count(*) FILTER (WHERE superseded_at IS NULL),"
                        + " string_agg(voter || ':' || choice || ':' || coalesce(reason, '-'), ',' ORDER BY voter) FROM council_vote")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1));
                    assertEquals(2, rs.getInt(2), "each vote has an id of its own");
                    assertEquals(2, rs.getInt(3), "both are current");
                    assertEquals("council.expert:APPROVE:-,council.tombouctou:REJECT:budget", rs.getString(4));
                }
            } finally {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
