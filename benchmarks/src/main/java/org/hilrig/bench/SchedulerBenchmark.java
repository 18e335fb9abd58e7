package org.hilrig.bench;

import java.util.concurrent.TimeUnit;
import org.hilrig.timing.random.SeededRandom;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The full event loop, side by side with SSJ 3.3.2 on the same workload: {@code PENDING} events are
 * pending; each event, when it runs, reschedules itself after a delay drawn from one shared table of
 * seeded pseudo-random delays (1 ns to 1 ms). One operation is one event (poll, run the handler,
 * reschedule). SSJ is driven through its own step, {@code removeFirstEvent()} then {@code actions()},
 * which is exactly the body of {@code Simulator.start()}; its default event list is the splay tree, the
 * others are measured too so the comparison is against SSJ's best.
 *
 * <p>Run with {@code scripts/bench scheduler}; {@code -prof gc} gives bytes allocated per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SchedulerBenchmark.BATCH)
public class SchedulerBenchmark {
    static final int BATCH = 10_000;
    static final int PENDING = 1_000;
    static final int DELAYS = 1 << 12;

    static long[] delayTable() {
        SeededRandom r = new SeededRandom(20261127L);
        long[] d = new long[DELAYS];
        for (int i = 0; i < DELAYS; i++) {
            d[i] = r.nextLong(1, 1_000_000);
        }
        return d;
    }

    /** The rig's scheduler with reusable timers. */
    @State(Scope.Thread)
    public static class Rig {
        Scheduler scheduler;
        long[] delays;
        int next;
        long checksum;

        @Setup(Level.Trial)
        public void setUp() {
            scheduler = new Scheduler();
            delays = delayTable();
            for (int i = 0; i < PENDING; i++) {
                Timer[] self = new Timer[1];
                self[0] = scheduler.timer("e" + i, () -> {
                    checksum += scheduler.nowNanos();
                    self[0].after(delays[next++ & (DELAYS - 1)]);
                });
                self[0].after(delays[next++ & (DELAYS - 1)]);
            }
        }
    }

    /** A simulator whose single step is SSJ's own loop body. */
    static final class SteppingSimulator extends Simulator {
        SteppingSimulator(EventList list) {
            super(list);
        }

        boolean step() {
            Event e = removeFirstEvent();
            if (e == null) {
                return false;
            }
            e.actions();
            return true;
        }
    }

    /** SSJ with one of its event lists. */
    @State(Scope.Thread)
    public static class Ssj {
        @Param({"SplayTree", "BinaryTree", "RedblackTree", "Henriksen"})
        public String eventList;

        SteppingSimulator sim;
        double[] delays;
        int next;
        double checksum;

        @Setup(Level.Trial)
        public void setUp() {
            EventList list = switch (eventList) {
                case "SplayTree" -> new SplayTree();
                case "BinaryTree" -> new BinaryTree();
                case "RedblackTree" -> new RedblackTree();
                case "Henriksen" -> new Henriksen();
                default -> throw new IllegalArgumentException("unknown SSJ event list " + eventList);
            };
            sim = new SteppingSimulator(list);
            sim.init(list);
            long[] d = delayTable();
            delays = new double[DELAYS];
            for (int i = 0; i < DELAYS; i++) {
                delays[i] = d[i];
            }
            for (int i = 0; i < PENDING; i++) {
                new Event(sim) {
                    @Override
                    public void actions() {
                        checksum += sim.time();
                        schedule(delays[next++ & (DELAYS - 1)]);
                    }
                }.schedule(delays[next++ & (DELAYS - 1)]);
            }
        }
    }

    @Benchmark
    public long rigScheduler(Rig rig) {
        Scheduler s = rig.scheduler;
        for (int i = 0; i < BATCH; i++) {
            s.step();
        }
        return rig.checksum;
    }

    @Benchmark
    public double ssjSimulator(Ssj ssj) {
        SteppingSimulator s = ssj.sim;
        for (int i = 0; i < BATCH; i++) {
            s.step();
        }
        return ssj.checksum;
    }
}
