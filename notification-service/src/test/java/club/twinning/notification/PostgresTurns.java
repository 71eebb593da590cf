package club.twinning.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A relay in front of PostgreSQL that counts round trips: every ReadyForQuery ('Z') the server sends ends one
 * request/response exchange (a statement, a batch, a commit). The client must not negotiate TLS or GSS
 * ({@code sslmode=disable&gssEncMode=disable}), so the server's side of the stream is plain protocol messages.
 */
final class PostgresTurns {

    private final ServerSocket server;
    private final AtomicLong turns = new AtomicLong();

    PostgresTurns(int target) {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket db = new Socket(InetAddress.getLoopbackAddress(), target);
                    pipe(client, db, false);
                    pipe(db, client, true);
                } catch (IOException e) {
                    // closing, or one connection failed: the pool retries
                }
            }
        }, "pg-turns");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long turns() {
        return turns.get();
    }

    private void pipe(Socket from, Socket to, boolean count) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16384];
                // Message framing: a type byte, then a big-endian length that counts itself.
                int header = 0;
                int type = 0;
                long length = 0;
                long skip = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    if (!count) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        if (skip > 0) {
                            long step = Math.min(skip, n - i);
                            skip -= step;
                            i += (int) step - 1;
                        } else if (header == 0) {
                            type = buffer[i];
                            header = 1;
                            length = 0;
                        } else {
                            length = (length << 8) | (buffer[i] & 0xFF);
                            if (++header == 5) {
                                header = 0;
                                skip = length - 4;
                                if (type == 'Z') {
                                    turns.incrementAndGet();
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // cut: both sides close below
            } finally {
                close(from);
                close(to);
            }
        }, "pg-turns-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
