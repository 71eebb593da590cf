package club.twinning.system.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A partner's webhook endpoint that answers 200 at once and notes when each event (by Idempotency-Key) arrived. */
public final class WebhookSink implements AutoCloseable {

    static final int PORT = 18099;

    public final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    public final AtomicInteger duplicates = new AtomicInteger();
    /** Every delivery answered 200 (one event sent to several sink contacts counts once each), and when the last came. */
    public final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    public volatile long lastArrival;
    /** While set, the sink answers 500 (a partner's endpoint that is failing). */
    public volatile boolean failing;
    private final HttpServer server;

    public WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 128);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (failing) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && arrivals.putIfAbsent(key, System.currentTimeMillis()) != null) {
                duplicates.incrementAndGet();
            }
            received.incrementAndGet();
            lastArrival = System.currentTimeMillis();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public static String url() {
        return "http://127.0.0.1:" + PORT + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
