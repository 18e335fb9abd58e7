package org.hilrig.device.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hilrig.device.board.FaultTarget;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.fault.PlantFault.Kind;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.plant.Supply;
import org.hilrig.timing.Durations;
import org.hilrig.timing.random.SeededRandom;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The faults of the machine rather than of one board's plant: the supply (brown-out, power loss), a hung
 * firmware main loop of the board under test, and its serial cable (cut, noise, flood); and when any fault
 * takes effect ({@code after}, {@code when}). Confined to the machine's scheduler thread.
 */
final class MachineFaults implements FaultTarget {
    /** The kinds this part makes. */
    static final Set<Kind> KINDS = Collections.unmodifiableSet(EnumSet.of(Kind.BROWN_OUT, Kind.POWER_LOSS,
            Kind.POWER_RESTORE, Kind.FIRMWARE_HANG, Kind.LINK_CUT, Kind.LINK_RESTORE, Kind.SERIAL_NOISE,
            Kind.SERIAL_FLOOD));

    private final Scheduler scheduler;
    private final Supply supply;
    private final HostLink hostLink;
    private final Mcu underTestMcu;
    private final SeededRandom noise;
    private final List<Timer> floods = new ArrayList<>();

    MachineFaults(Scheduler scheduler, Supply supply, HostLink hostLink, Mcu underTestMcu, SeededRandom noise) {
        this.scheduler = scheduler;
        this.supply = supply;
        this.hostLink = hostLink;
        this.underTestMcu = underTestMcu;
        this.noise = noise;
    }

    @Override
    public Runnable prepare(PlantFault f) {
        return switch (f.kind()) {
            case BROWN_OUT -> {
                PlantFault.BrownOut b = (PlantFault.BrownOut) f;
                yield () -> supply.brownOut(b.depthVolts(), b.lengthNanos());
            }
            case POWER_LOSS -> {
                long length = ((PlantFault.PowerLoss) f).lengthNanos();
                yield () -> supply.powerLoss(length);
            }
            case POWER_RESTORE -> supply::restore;
            case FIRMWARE_HANG -> {
                long length = ((PlantFault.FirmwareHang) f).lengthNanos();
                yield () -> underTestMcu.blockMainLoop(length);
            }
            case LINK_CUT -> {
                long length = ((PlantFault.LinkCut) f).lengthNanos();
                yield () -> {
                    hostLink.cut(true);
                    if (length > 0) {
                        scheduler.after(length, "fault.link_restore", () -> hostLink.cut(false));
                    }
                };
            }
            case LINK_RESTORE -> () -> hostLink.cut(false);
            case SERIAL_NOISE -> {
                long bytes = ((PlantFault.SerialNoise) f).bytes();
                yield () -> {
                    long t = scheduler.nowNanos();
                    for (long i = 0; i < bytes; i++) {
                        long at = t + (i + 1) * hostLink.byteNanos();
                        byte b = (byte) noise.nextInt(256);
                        scheduler.at(at, "fault.serial_noise", () -> hostLink.noiseAt(at, b));
                    }
                };
            }
            case SERIAL_FLOOD -> {
                long length = ((PlantFault.SerialFlood) f).lengthNanos();
                yield () -> {
                    long t = scheduler.nowNanos();
                    long step = hostLink.byteNanos();
                    floods.add(scheduler.every(t + step, step, "fault.serial_flood",
                            () -> hostLink.noiseAt(scheduler.nowNanos(), (byte) noise.nextInt(256))));
                    scheduler.at(t + length, "fault.serial_flood_end", this::stopFloods);
                };
            }
            default -> throw new IllegalArgumentException("fault " + f.kind().faultName() + " is not the machine's");
        };
    }

    private void stopFloods() {
        for (Timer t : floods) {
            t.cancel();
        }
        floods.clear();
    }

    /**
     * Runs a fault's action now, {@code after} a delay, or at the next rising or falling edge of a line
     * ({@code when: LINE[:rises|:falls]}), then after the delay.
     *
     * @param after null or a duration text ({@code 5ms}, or whole nanoseconds)
     * @param when null or {@code LINE}, {@code LINE:rises}, {@code LINE:falls}
     * @param lines the machine's lines by name
     * @throws IllegalArgumentException for a bad {@code after} or {@code when}, naming the fault
     */
    void schedule(String fault, Runnable action, String after, String when, Function<String, DigitalSignal> lines) {
        long delay = after == null ? 0 : duration(fault, "after", after);
        if (when == null) {
            if (delay == 0) {
                action.run();
            } else {
                scheduler.after(delay, "fault." + fault, action);
            }
            return;
        }
        String[] parts = when.split(":");
        boolean rising = parts.length < 2 || parts[1].equals("rises");
        if (parts.length > 1 && !parts[1].equals("rises") && !parts[1].equals("falls")) {
            throw new IllegalArgumentException("fault " + fault + ": when '" + when + "' (allowed: LINE, LINE:rises, LINE:falls)");
        }
        DigitalSignal line = lines.apply(parts[0]);
        line.onEdge(new DigitalSignal.EdgeListener() {
            @Override
            public void edge(DigitalSignal s, boolean high, long t) {
                if (high != rising) {
                    return;
                }
                s.removeListener(this);
                scheduler.after(delay, "fault." + fault, action);
            }
        });
    }

    private static long duration(String fault, String param, String v) {
        if (v.matches("\\d+")) {
            return Long.parseLong(v);
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault " + fault + ": " + param + ": " + e.getMessage(), e);
        }
    }
}
