package club.twinning.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a real server of the stack: switched off, it cuts every open conversation and stops
 * listening (a connection is refused at once, as by a server that went down); switched on, it listens and relays again
 * on the same port.
 */
public final class TcpRelay {

    private final String name;
    private final int target;
    private final int port;
    private volatile ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public TcpRelay(String name, int target) {
        this.name = name;
        this.target = target;
        this.port = listen(0);
    }

    public int port() {
        return port;
    }

    public synchronized void down() {
        close();
        open.forEach(this::close);
    }

    public synchronized void up() {
        if (server.isClosed()) {
            listen(port);
        }
    }

    private int listen(int at) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), at), 50);
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> accept(listening), name + "-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return listening.getLocalPort();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket sink = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(sink);
                pipe(client, sink);
                pipe(sink, client);
            } catch (IOException e) {
                // the relay is closing, or one connection failed: the client retries
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // cut: the other side is closed below
            } finally {
                close(from);
                close(to);
            }
        }, "relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
