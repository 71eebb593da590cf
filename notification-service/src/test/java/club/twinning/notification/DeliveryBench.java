package club.twinning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import club.twinning.notification.service.WebhookSecrets;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the figure for issue 14's "≥ 1,000 webhook deliveries/s drained from a backlog". Fills a backlog of
 * {@code bench.deliveries} (20,000) signed webhook deliveries to a local sink listening on {@code bench.endpoints} (20)
 * ports — one partner endpoint each, so the per-endpoint limit applies as in production — and prints deliveries/s
 * each second until drained. Run it alone:
 * {@code ./mvnw -B -q -pl notification-service verify -Dtest=DeliveryBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DeliveryBench {

    @Inject
    AgroalDataSource db;

    @Inject
    WebhookSecrets secrets;

    @Test
    void drainABacklogToALocalSink() throws Exception {
        int total = Integer.getInteger("bench.deliveries", 20_000);
        int endpoints = Integer.getInteger("bench.endpoints", 20);
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong received = new AtomicLong();
        ExecutorService sinkThreads = Executors.newFixedThreadPool(4);
        List<HttpServer> sink = new ArrayList<>();
        List<UUID> contacts = new ArrayList<>();
        try {
            for (int i = 0; i < endpoints; i++) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
                server.createContext("/hook", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    received.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
                server.setExecutor(sinkThreads);
                server.start();
                sink.add(server);
                UUID contact = UUID.randomUUID();
                contacts.add(contact);
                QuarkusTransaction.requiringNew().run(() -> secrets.rotate(contact));
            }
            String data = "{\"agreementId\":\"" + UUID.randomUUID() + "\",\"reference\":\"TC-2025-0042\",\"kind\":\"TWINNING\","
                    + "\"partyCodes\":[\"bench-a\",\"bench-b\"],\"domains\":[\"culture\",\"education\"],\"from\":\"SIGNED\","
                    + "\"to\":\"IN_FORCE\",\"actor\":\"secretariat\",\"reason\":null,\"at\":\"2026-01-01T08:00:00Z\",\"version\":1}";
            long start;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("""
                        WITH events AS (
                            INSERT INTO delivery_event (event_id, event_type, event_source, event_subject, event_time, event_data)
                            SELECT ? || n, 'club.twinning.agreement.status-changed', '/twinning/registry-service', 'bench', now(), ?
                              FROM generate_series(1, ?) AS n)
                        INSERT INTO delivery (id, event_id, event_type, contact_id,
                            recipient, party_code, language, channel, purpose, status, attempts, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), ? || n, 'club.twinning.agreement.status-changed',
                               (?::uuid[])[1 + n % ?], 'http://127.0.0.1:' || (?::int[])[1 + n % ?] || '/hook',
                               'bench', 'fr', 'WEBHOOK', 'NOTICE', 'PENDING', 0, now(), now()
                          FROM generate_series(1, ?) AS n""")) {
                    s.setString(1, "bench-" + run + "-");
                    s.setString(2, data);
                    s.setInt(3, total);
                    s.setString(4, "bench-" + run + "-");
                    s.setArray(5, c.createArrayOf("uuid", contacts.toArray()));
                    s.setInt(6, endpoints);
                    s.setArray(7, c.createArrayOf("int4", sink.stream().map(h -> h.getAddress().getPort()).toArray()));
                    s.setInt(8, endpoints);
                    s.setInt(9, total);
                    s.executeUpdate();
                }
                c.commit();
                start = System.nanoTime();
            }
            System.out.printf("backlog: %d webhook deliveries to %d endpoints%n", total, endpoints);
            long sent = 0;
            long last = 0;
            for (int tick = 1; sent < total && System.nanoTime() - start < 600_000_000_000L; tick++) {
                Thread.sleep(250);
                sent = sentOf(run);
                if (tick % 4 == 0 || sent == total) {
                    System.out.printf("  %5.1f s  %6d sent  %6d since the last line%n", (System.nanoTime() - start) / 1e9, sent, sent - last);
                    last = sent;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("drained %d deliveries in %.1f s: %.0f deliveries/s (sink received %d)%n", sent, seconds, sent / seconds,
                    received.get());
            assertThat(sent).isEqualTo(total);
        } finally {
            sink.forEach(s -> s.stop(0));
            sinkThreads.shutdownNow();
        }
    }

    private long sentOf(String run) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM delivery WHERE event_id LIKE ? AND status = 'SENT'")) {
            s.setString(1, "bench-" + run + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
