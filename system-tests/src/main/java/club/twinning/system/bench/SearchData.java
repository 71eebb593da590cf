package club.twinning.system.bench;

import club.twinning.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Agreements in bulk, written straight into the database of the search instance ({@code registry_bench}, never the
 * demo's): a thousand parties, each agreement between two of them, a quarter of them in force.
 */
final class SearchData {

    static final String URL = Stack.jdbcUrl("registry_bench");

    private SearchData() {
    }

    static void loadTo(int size) throws SQLException {
        try (Connection db = DriverManager.getConnection(URL, "registry", "registry"); Statement s = db.createStatement()) {
            db.setAutoCommit(false); // all of a size or nothing
            s.execute("""
                    INSERT INTO party (code, kind, name_fr, country, language)
                    SELECT 'bench-' || i, 'MUNICIPALITY', 'Ville ' || i, 'MA', 'fr' FROM generate_series(0, 999) i
                    ON CONFLICT DO NOTHING""");
            long have;
            try (var rs = s.executeQuery("SELECT count(*) FROM agreement")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have >= size) {
                return;
            }
            s.execute("""
                    CREATE TEMP TABLE new_agreement AS
                    SELECT md5('bench' || i)::uuid AS id, i FROM generate_series(%d, %d) i""".formatted(have, size - 1));
            s.execute("""
                    INSERT INTO agreement (id, reference, type, status, title_fr, signed_on, search_text, created_at)
                    SELECT id, 'BENCH-' || i, 'TWINNING', (ARRAY['IN_FORCE','SIGNED','DRAFT','EXPIRED'])[1 + i % 4],
                           'Jumelage ' || i, DATE '2000-01-01' + (i % 9000), 'jumelage ' || i, now()
                    FROM new_agreement""");
            s.execute("""
                    INSERT INTO agreement_party (agreement_id, party_code, position)
                    SELECT id, 'bench-' || (i % 1000), 0 FROM new_agreement
                    UNION ALL SELECT id, 'bench-' || ((i % 1000 + 1 + (i / 1000) % 999) % 1000), 1 FROM new_agreement""");
            s.execute("""
                    INSERT INTO agreement_domain (agreement_id, domain, position)
                    SELECT id, (ARRAY['culture','youth','trade','tourism'])[1 + i % 4], 0 FROM new_agreement""");
            s.execute("DROP TABLE new_agreement");
            db.commit();
            db.setAutoCommit(true);
            s.execute("ANALYZE agreement; ANALYZE agreement_party; ANALYZE agreement_domain");
        }
    }
}
