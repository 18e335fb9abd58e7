package org.hilrig.runner.gpio;

import java.util.concurrent.CountDownLatch;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.MonotonicClock;

/**
 * A rig process for {@link SafeSequenceTest}: drives outputs away from their safe state inside a {@link
 * SafeSequence}, says so on standard output, and waits to be killed. Each safe state it reaches is printed
 * as the board sees it, electrically: {@code safe 17=1 23=1 18=1}.
 */
public final class SafeStateOnSigtermMain {
    private SafeStateOnSigtermMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MonotonicClock clock = new MonotonicClock();
        RigFixture fixture = RigLinesContract.fixture("sim");
        SimulatedPins pins = new SimulatedPins(clock, 0);
        RigLines wired = RigLines.simulated(fixture, pins, clock);
        RigLines reporting = new RigLines() {
            @Override
            public Stamp drive(HardwareLine line, boolean active) {
                return wired.drive(line, active);
            }

            @Override
            public boolean read(HardwareLine line) {
                return wired.read(line);
            }

            @Override
            public void subscribe(LineEventListener listener) {
                wired.subscribe(listener);
            }

            @Override
            public void safeState() {
                wired.safeState();
                System.out.println("safe " + levels(pins));
                System.out.flush();
            }

            @Override
            public void close() {
                wired.close();
            }
        };
        CountDownLatch never = new CountDownLatch(1);
        SafeSequence.run(reporting, lines -> {
            lines.drive(HardwareLine.valueOf("PREP_REQ"), true);
            lines.drive(HardwareLine.valueOf("DOOR_CLOSED"), true);
            lines.drive(HardwareLine.valueOf("AEC_STOP"), false);
            System.out.println("driven " + levels(pins));
            System.out.flush();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String levels(SimulatedPins pins) {
        return "17=" + bit(pins.isHigh(17)) + " 23=" + bit(pins.isHigh(23)) + " 18=" + bit(pins.isHigh(18));
    }

    private static int bit(boolean high) {
        return high ? 1 : 0;
    }
}
