package club.twinning.system.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The partners' webhook endpoints of the drills, one path per partner contact ({@code /hook/NAME}). Every copy is
 * counted by path and Idempotency-Key, with its event type and first arrival; requests still unanswered are known
 * (to prove that a kill hit sends in flight). A path behaves as a drill sets it: answers at once, answers 500, answers
 * after a pause, or is a slow loris (headers, then a byte a second; or no answer at all).
 */
final class Receiver implements AutoCloseable {

    static final int PORT = 18098;
    /**
     * A slow partner's endpoints listen on a port of their own: notification-service limits sends per origin (scheme,
     * host, port), and a partner's slow server is never the same origin as another partner's.
     */
    static final int SLOW_PORT = 18097;
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Mode { OK, FAILING, SLOW_ANSWER, SLOW_LORIS }

    /** The copies of one event at one endpoint. */
    static final class Copies {
        final String type;
        final long firstArrival;
        final AtomicInteger count = new AtomicInteger();

        Copies(String type, long firstArrival) {
            this.type = type;
            this.firstArrival = firstArrival;
        }
    }

    /** path → Idempotency-Key → copies. */
    private final Map<String, Map<String, Copies>> copies = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    /** path + " " + Idempotency-Key of the requests being answered right now. */
    final Set<String> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger slowSequence = new AtomicInteger();
    private volatile long slowAnswerMillis = 2000;
    private volatile boolean closing;
    private final List<HttpServer> servers = new ArrayList<>();

    Receiver() throws IOException {
        for (int port : List.of(PORT, SLOW_PORT)) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "receiver-" + port);
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/hook/", this::handle);
            server.start();
            servers.add(server);
        }
    }

    /** A path named {@code …-slow} is on the slow partner's own port. */
    static String url(String name) {
        return "http://127.0.0.1:" + (name.endsWith("-slow") ? SLOW_PORT : PORT) + "/hook/" + name;
    }

    void mode(String name, Mode mode) {
        modes.put(name, mode);
    }

    void slowAnswer(long millis) {
        slowAnswerMillis = millis;
    }

    Map<String, Copies> at(String name) {
        return copies.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    }

    /** Copies of the given keys at {@code name} beyond the first. */
    int extraCopies(String name) {
        return at(name).values().stream().mapToInt(c -> c.count.get() - 1).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/hook/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Mode mode = modes.getOrDefault(name, Mode.OK);
        if (mode == Mode.FAILING) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String type;
        try {
            type = JSON.readTree(body).path("type").asText();
        } catch (IOException e) {
            type = "?";
        }
        if (key != null) {
            String t = type;
            at(name).computeIfAbsent(key, k -> new Copies(t, System.currentTimeMillis())).count.incrementAndGet();
        }
        String inFlight = name + " " + key;
        open.add(inFlight);
        try {
            switch (mode) {
                case SLOW_ANSWER -> {
                    sleep(slowAnswerMillis);
                    exchange.sendResponseHeaders(200, -1);
                }
                case SLOW_LORIS -> loris(exchange);
                default -> exchange.sendResponseHeaders(200, -1);
            }
        } catch (IOException gone) {
            // the sender hung up (its deadline, or it was killed): nothing more to answer
        } finally {
            open.remove(inFlight);
            exchange.close();
        }
    }

    /** Every other request trickles a 200 a byte a second; the rest are never answered (until the drill ends). */
    private void loris(HttpExchange exchange) throws IOException {
        long until = System.currentTimeMillis() + 120_000;
        if (slowSequence.incrementAndGet() % 2 == 0) {
            while (!closing && System.currentTimeMillis() < until) {
                sleep(1000);
            }
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        while (!closing && System.currentTimeMillis() < until) {
            out.write('.');
            out.flush();
            sleep(1000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        servers.forEach(s -> s.stop(0));
    }
}
