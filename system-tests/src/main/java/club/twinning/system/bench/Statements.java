package club.twinning.system.bench;

import club.twinning.system.Stack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL did for a stage, per submitted request: the statements of every service (pg_stat_statements, which
 * {@code ./twinning} preloads and the bench lets the exchange role read and reset) and the commits of each service's
 * database (pg_stat_database). A per-process CPU figure says how much; this says which statement to look at.
 */
final class Statements {

    private static final List<String> DATABASES = List.of("registry", "exchange", "notification");

    private final Map<String, Long> commitsBefore;

    private Statements(Map<String, Long> commitsBefore) {
        this.commitsBefore = commitsBefore;
    }

    /** Forgets the statements counted so far and notes each database's commits. */
    static Statements start() {
        try (Connection db = Stack.database("exchange")) {
            db.createStatement().execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            // without the extension (a PostgreSQL started before ./twinning preloaded it) only the commits are counted
        }
        return new Statements(commits());
    }

    /** Lines for the report: commits a request per database, then the costliest statements a request. */
    List<String> per(int requests, int top) {
        List<String> lines = new ArrayList<>();
        double n = Math.max(1, requests);
        Map<String, Long> after = commits();
        StringBuilder commits = new StringBuilder("  commits a request:");
        after.forEach((name, c) -> commits.append(String.format(" %s %.2f", name, (c - commitsBefore.getOrDefault(name, c)) / n)));
        lines.add(commits.toString());
        try (Connection db = Stack.database("exchange"); ResultSet rs = db.createStatement().executeQuery("""
                SELECT d.datname, s.calls, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g')
                  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                 WHERE d.datname = ANY ('{registry,exchange,notification}') AND s.query NOT LIKE '%pg_stat_statements%'
                 ORDER BY s.total_exec_time DESC""")) {
            long calls = 0;
            double ms = 0;
            List<String> costliest = new ArrayList<>();
            while (rs.next()) {
                calls += rs.getLong(2);
                ms += rs.getDouble(3);
                if (costliest.size() < top) {
                    String sql = rs.getString(4);
                    costliest.add(String.format("  %8.2f %10.3f  %-12s %s", rs.getLong(2) / n, rs.getDouble(3) / n, rs.getString(1),
                            sql.length() > 90 ? sql.substring(0, 90) + "…" : sql));
                }
            }
            lines.add(String.format("  statements a request: %.1f, executing for %.2f ms (PostgreSQL's own count); the costliest:",
                    calls / n, ms / n));
            lines.add(String.format("  %8s %10s  %-12s %s", "calls/req", "ms/req", "database", "statement"));
            lines.addAll(costliest);
        } catch (SQLException e) {
            lines.add("  (statements not counted: pg_stat_statements is not loaded; ./twinning down && ./twinning up loads it)");
        }
        return lines;
    }

    private static Map<String, Long> commits() {
        Map<String, Long> commits = new LinkedHashMap<>();
        try (Connection db = Stack.database("exchange"); ResultSet rs = db.createStatement().executeQuery(
                "SELECT datname, xact_commit FROM pg_stat_database WHERE datname = ANY ('{registry,exchange,notification}')")) {
            while (rs.next()) {
                commits.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DATABASES.forEach(name -> commits.putIfAbsent(name, 0L));
        return commits;
    }
}
