package org.hilrig.runner.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;

/**
 * The far end of a TCP cable for tests: a plain {@link ServerSocket} on an ephemeral loopback port that
 * accepts one connection and then behaves as a {@link ByteLink} (own reader thread, blocking writes).
 * Closing it closes the connection, which the near end sees as a pulled cable.
 */
public final class TcpPeer implements ByteLink {
    private final ServerSocket server;
    private final Clock clock;
    private final ByteReceiver receiver;
    private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread reader;

    private TcpPeer(ServerSocket server, Clock clock, ByteReceiver receiver) {
        this.server = server;
        this.clock = clock;
        this.receiver = receiver;
        this.reader = new Thread(this::run, "tcp-peer " + server.getLocalPort());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static TcpPeer listen(Clock clock, ByteReceiver receiver) throws IOException {
        return new TcpPeer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), clock, receiver);
    }

    public TcpEndpoint endpoint() {
        return new TcpEndpoint(InetAddress.getLoopbackAddress().getHostAddress(), server.getLocalPort());
    }

    private void run() {
        try {
            Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            accepted.complete(socket);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long t = clock.nowNanos();
                receiver.received(Arrays.copyOf(buffer, n), t);
            }
            lose("peer closed the connection");
        } catch (IOException e) {
            accepted.completeExceptionally(e);
            lose(e.toString());
        }
    }

    private void lose(String reason) {
        if (open.compareAndSet(true, false)) {
            receiver.lost(new RigFailureException("tcp peer: link lost (" + reason + ")"));
        }
    }

    private Socket socket() {
        try {
            return accepted.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new RigFailureException("tcp peer: no connection accepted", e);
        }
    }

    @Override
    public String describe() {
        return "tcp peer on port " + server.getLocalPort();
    }

    @Override
    public synchronized void write(byte[] bytes) {
        if (!open.get()) {
            throw new RigFailureException("tcp peer: closed");
        }
        try {
            OutputStream out = socket().getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new RigFailureException("tcp peer: write failed", e);
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        open.set(false);
        try {
            server.close();
            Socket s = accepted.getNow(null);
            if (s != null) {
                s.close();
            }
            reader.join(5_000);
        } catch (IOException e) {
            throw new RigFailureException("tcp peer: close failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
