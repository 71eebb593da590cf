package club.twinning.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A partner endpoint that means harm, on a raw socket: it trickles its answer one byte a second, never answers,
 * floods an endless body, or redirects inside. It counts connections, the most open at once, and bytes it got out.
 */
final class Hostile implements AutoCloseable {

    enum Mode { TRICKLE, SILENT, FLOOD, REDIRECT }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-endpoint");
        t.setDaemon(true);
        return t;
    });
    private final Mode mode;
    private final String location;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    final AtomicLong bytesSent = new AtomicLong();

    Hostile(Mode mode) throws IOException {
        this(mode, null, "127.0.0.1");
    }

    Hostile(Mode mode, String location, String host) throws IOException {
        this.mode = mode;
        this.location = location;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
        threads.execute(this::accept);
    }

    String url() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/hook";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Object lock = new Object();
        AtomicInteger state = new AtomicInteger(); // 0 connecting, 1 counted open, 2 gone
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            readHead(in);
            // The sender hanging up is seen at once (its FIN), not at our next write.
            threads.execute(() -> {
                try {
                    while (in.read() >= 0) {
                        // nothing more is expected
                    }
                } catch (IOException e) {
                    // reset
                }
                synchronized (lock) {
                    if (state.getAndSet(2) == 1) {
                        open.decrementAndGet();
                    }
                }
            });
            Thread.sleep(100); // a connection the sender closes right away (a FIN racing this accept) is not counted
            synchronized (lock) {
                if (state.compareAndSet(0, 1)) {
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                }
            }
            switch (mode) {
                case SILENT -> {
                    while (state.get() != 2) {
                        Thread.sleep(50);
                    }
                }
                case TRICKLE -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
                    for (int i = 0; i < 1000 && state.get() != 2; i++) {
                        write(out, "x");
                        Thread.sleep(1000);
                    }
                }
                case FLOOD -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n");
                    byte[] chunk = new byte[8192];
                    for (int i = 0; i < 12800; i++) {
                        out.write(chunk);
                        bytesSent.addAndGet(chunk.length);
                    }
                }
                case REDIRECT -> write(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the sender hung up: what we want to see
        } finally {
            synchronized (lock) {
                if (state.getAndSet(2) == 1) {
                    open.decrementAndGet();
                }
            }
        }
    }

    private void write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    /** Reads the request head and its Content-Length body. */
    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
