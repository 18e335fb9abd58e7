package org.hilrig.runner.io;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;

/** The {@link ByteLink} contract for {@link TcpByteLink}, against a plain socket peer on loopback. */
class TcpByteLinkTest extends ByteLinkContract {
    @Override
    Cable connect(Clock clock, ByteReceiver near, ByteReceiver far) throws Exception {
        TcpPeer peer = closeLater(TcpPeer.listen(new MonotonicClock(), far));
        ByteLink nearLink = closeLater(peer.endpoint().open(clock, near));
        return new Cable() {
            @Override
            public ByteLink near() {
                return nearLink;
            }

            @Override
            public ByteLink far() {
                return peer;
            }

            @Override
            public void pull() {
                peer.close();
            }
        };
    }

    /** A loopback server that accepts the connection and never reads from it, with a small receive buffer. */
    @Override
    ByteLink openWithDeafFarEnd(ByteReceiver near, long writeTimeoutNanos) throws Exception {
        ServerSocket server = closeLater(new ServerSocket());
        server.setReceiveBufferSize(4096);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        java.util.concurrent.CompletableFuture<java.net.Socket> accepted = new java.util.concurrent.CompletableFuture<>();
        Thread acceptor = new Thread(() -> {
            try {
                accepted.complete(server.accept());
            } catch (java.io.IOException e) {
                accepted.completeExceptionally(e);
            }
        }, "deaf-peer");
        acceptor.setDaemon(true);
        acceptor.start();
        ByteLink link = new TcpEndpoint(InetAddress.getLoopbackAddress().getHostAddress(), server.getLocalPort(),
                TcpEndpoint.DEFAULT_CONNECT_TIMEOUT_NANOS, writeTimeoutNanos).open(clock, near);
        closeLater(accepted.get(5, java.util.concurrent.TimeUnit.SECONDS));
        return link;
    }

    @Override
    LinkEndpoint unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new TcpEndpoint(InetAddress.getLoopbackAddress().getHostAddress(), port);
    }
}
