package org.hilrig.runner.io;

import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;

/** The {@link ByteLink} contract for {@link SerialByteLink}, on both ends of a socat pseudo-terminal pair. */
class SerialByteLinkTest extends ByteLinkContract {
    @Override
    Cable connect(Clock clock, ByteReceiver near, ByteReceiver far) throws Exception {
        SocatPtyPair pair = closeLater(SocatPtyPair.start());
        ByteLink nearLink = closeLater(new SerialEndpoint(pair.first(), 115_200).open(clock, near));
        ByteLink farLink = closeLater(new SerialEndpoint(pair.second(), 115_200).open(new MonotonicClock(), far));
        return new Cable() {
            @Override
            public ByteLink near() {
                return nearLink;
            }

            @Override
            public ByteLink far() {
                return farLink;
            }

            @Override
            public void pull() {
                pair.pullCable();
            }
        };
    }

    /** The far pseudo-terminal is never opened: socat moves the bytes into its buffer, where nobody reads them. */
    @Override
    ByteLink openWithDeafFarEnd(ByteReceiver near, long writeTimeoutNanos) throws Exception {
        SocatPtyPair pair = closeLater(SocatPtyPair.start());
        return new SerialEndpoint(pair.first(), 115_200, writeTimeoutNanos).open(clock, near);
    }

    @Override
    LinkEndpoint unreachable() {
        return new SerialEndpoint("/dev/pts/no-such-pty", 115_200);
    }
}
