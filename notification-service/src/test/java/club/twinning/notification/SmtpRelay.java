package club.twinning.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the real SMTP sink that the service sends through in tests: switched off, it cuts every
 * open conversation and refuses new ones, as an SMTP server that went down; switched on, it relays again.
 */
public class SmtpRelay implements QuarkusTestResourceLifecycleManager {

    static final int SINK_PORT = 3025;
    private static volatile boolean down;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    static void down() {
        down = true;
        OPEN.forEach(SmtpRelay::close);
    }

    static void up() {
        down = false;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.mailer.port", String.valueOf(server.getLocalPort()));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket sink = new Socket(InetAddress.getLoopbackAddress(), SINK_PORT);
                OPEN.add(client);
                OPEN.add(sink);
                pipe(client, sink);
                pipe(sink, client);
            } catch (IOException e) {
                // the relay is closing, or one connection failed: the mailer retries
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // cut: the other side is closed below
            } finally {
                close(from);
                close(to);
            }
        }, "smtp-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket socket) {
        OPEN.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
