package org.hilrig.runner.driver;

import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.runner.io.SerialEndpoint;
import org.hilrig.runner.io.SocatPtyPair;

/** The driver on one end of a socat pseudo-terminal pair, the scripted board on the other (jSerialComm both). */
class BoardDriverOverPtyTest extends BoardDriverContract {
    private SocatPtyPair pair;

    @Override
    void pullCable() {
        pair.pullCable();
    }

    @Override
    LinkEndpoint cableTo(ScriptedBoard board) throws Exception {
        pair = closeLater(SocatPtyPair.start());
        board.attach(closeLater(new SerialEndpoint(pair.second(), 115_200).open(clock, board)));
        return new SerialEndpoint(pair.first(), 115_200);
    }
}
