package io.mockpanel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny TCP proxy for fault tests. {@link #silenceOpenConnections()} makes every connection open
 * at that moment go silent without closing: bytes are still accepted from both sides but never
 * passed on, as on a network path that drops packets or behind a hung proxy. Connections opened
 * later are forwarded normally, so a client that notices can reconnect through the same proxy.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptUntilClosed);
    }

    /** A proxy on a free local port in front of {@code targetHost:targetPort}. */
    public static TcpProxy to(String targetHost, int targetPort) {
        try {
            return new TcpProxy(targetHost, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, the connections open now pass nothing on, in either direction; they stay open. */
    public void silenceOpenConnections() {
        pipes.forEach(pipe -> pipe.silent = true);
    }

    /** Connections accepted so far. */
    public int connectionsAccepted() {
        return sockets.size() / 2;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }

    private void acceptUntilClosed() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(target);
                start(new Pipe(client, target));
                start(new Pipe(target, client));
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void start(Pipe pipe) {
        pipes.add(pipe);
        Thread.ofVirtual().name("tcp-proxy-pipe").start(pipe);
    }

    /** Copies one direction; while silent it keeps reading and drops what it reads. */
    private static final class Pipe implements Runnable {

        private final Socket from;
        private final Socket to;
        volatile boolean silent;

        Pipe(Socket from, Socket to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!silent) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
                if (!silent) {
                    to.shutdownOutput();
                }
            } catch (IOException e) {
                // one side closed: the copy ends
            }
        }
    }
}
