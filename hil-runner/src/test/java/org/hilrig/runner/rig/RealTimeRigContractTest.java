package org.hilrig.runner.rig;

import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.realtime.RealTimeRigs;

/**
 * The real-time adapter against the shared contract, on the shipped emulated fixture: an emulated GEN in
 * this process paced to the wall clock, its UART on a socat pty pair (jSerialComm on both ends), its lines
 * on Pi4J's mock GPIO. On wall time a call returns a little after what it waited for: the lag allowed is
 * the rig's declared stamp uncertainty plus the scenario thread's wake-up on this shared, loaded machine.
 */
class RealTimeRigContractTest extends RigContract {
    static final Path FIXTURE = Path.of("..", "fixtures", "rigs", "emulated-gen-pty.yaml");
    private static final long WAKE_UP_NANOS = 20 * MS;

    @Override
    Rig openGenRig() {
        return RealTimeRigs.forFixture(FIXTURE).open(7, List.of());
    }

    @Override
    long lagNanos() {
        return rig.timestampUncertaintyNanos() + WAKE_UP_NANOS;
    }

    @Override
    boolean pacesSentBytes() {
        return false;
    }
}
