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

    @Override
    LinkEndpoint unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new TcpEndpoint(InetAddress.getLoopbackAddress().getHostAddress(), port);
    }
}
