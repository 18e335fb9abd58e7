package org.hilrig.runner.gpio;

import java.util.concurrent.CountDownLatch;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.timing.MonotonicClock;

/**
 * A rig process on a gpio-sim chip for {@link KernelGpioGuestTest}: opens the contract fixture's lines through
 * the kernel (provider gpiod), drives every output away from its safe state inside a {@link SafeSequence},
 * prints {@code driven}, then ends the way its argument says: {@code end} (returns), {@code throw} (an
 * exception out of the sequence and out of main) or {@code wait} (until SIGTERM).
 *
 * <p>Arguments: the chip path, then {@code end}, {@code throw} or {@code wait}.
 */
public final class KernelSafeStateMain {
    private KernelSafeStateMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String chip = args[0];
        String how = args[1];
        try (RigLines lines = RigLines.open(KernelGpioGuestTest.fixture(chip, ""), new MonotonicClock())) {
            SafeSequence.run(lines, l -> {
                l.drive(HardwareLine.valueOf("PREP_REQ"), true);
                l.drive(HardwareLine.valueOf("DOOR_CLOSED"), true);
                l.drive(HardwareLine.valueOf("AEC_STOP"), false);
                System.out.println("driven");
                System.out.flush();
                switch (how) {
                    case "end" -> { }
                    case "throw" -> throw new IllegalStateException("a scenario step failed");
                    case "wait" -> {
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    default -> throw new IllegalArgumentException("end, throw or wait, found " + how);
                }
            });
        }
    }
}
