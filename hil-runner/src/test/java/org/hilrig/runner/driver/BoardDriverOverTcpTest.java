package org.hilrig.runner.driver;

import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.runner.io.TcpPeer;

/** The driver as a TCP client (Netty), the scripted board behind a plain loopback server socket. */
class BoardDriverOverTcpTest extends BoardDriverContract {
    private TcpPeer peer;

    @Override
    void pullCable() {
        peer.close();
    }

    @Override
    LinkEndpoint cableTo(ScriptedBoard board) throws Exception {
        peer = closeLater(TcpPeer.listen(clock, board));
        board.attach(peer);
        return peer.endpoint();
    }
}
