package org.hilrig.device.mcu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

/** The MCU peripherals on virtual time, with exact assertions. */
class McuPeripheralsTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private final Scheduler scheduler = new Scheduler();
    private final SignalSet signals = new SignalSet(scheduler, new Trace());
    private final Mcu mcu = new Mcu(scheduler, "dut", MS, 2 * US, 50 * MS);
    private final List<String> log = new ArrayList<>();

    private void load(Runnable loop, java.util.function.Consumer<ResetReason> start) {
        mcu.load(new Program() {
            @Override
            public void start(ResetReason reason) {
                log.add(scheduler.nowNanos() + " start " + reason);
                start.accept(reason);
            }

            @Override
            public void loop() {
                loop.run();
            }
        });
    }

    @Test
    void theCoreBootsAfterItsBootTimeAndRunsTheMainLoopEveryTick() {
        List<Long> loops = new ArrayList<>();
        load(() -> loops.add(scheduler.nowNanos()), r -> { });
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(53 * MS);
        assertThat(log).containsExactly(50 * MS + " start POWERON");
        assertThat(loops).containsExactly(51 * MS, 52 * MS, 53 * MS);
        mcu.blockMainLoop(5 * MS);
        scheduler.runUntil(60 * MS);
        assertThat(loops).containsExactly(51 * MS, 52 * MS, 53 * MS, 58 * MS, 59 * MS, 60 * MS);
    }

    @Test
    void anEdgeInterruptRunsAfterTheLatencyAndSeesTheEdgesLevel() {
        DigitalSignal pin = signals.digital("dut.in", false);
        GpioInput in = new GpioInput(mcu, pin);
        List<String> isr = new ArrayList<>();
        load(() -> { }, r -> in.enableInterrupt(GpioInput.Trigger.BOTH, high -> isr.add(scheduler.nowNanos() + "=" + high)));
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(60 * MS);
        pin.set(true);
        scheduler.runUntil(61 * MS);
        assertThat(isr).containsExactly((60 * MS + 2 * US) + "=true");
        // a glitch shorter than the latency: the first edge is served, then the final level
        pin.set(false);
        scheduler.runUntil(61 * MS + US);
        pin.set(true);
        scheduler.runUntil(62 * MS);
        assertThat(isr).containsExactly((60 * MS + 2 * US) + "=true", (61 * MS + 2 * US) + "=false", (61 * MS + 4 * US) + "=true");
    }

    @Test
    void interruptsAreOffWhileTheCoreIsInReset() {
        DigitalSignal pin = signals.digital("dut.in", false);
        GpioInput in = new GpioInput(mcu, pin);
        List<Long> isr = new ArrayList<>();
        load(() -> { }, r -> in.enableInterrupt(GpioInput.Trigger.RISING, high -> isr.add(scheduler.nowNanos())));
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(10 * MS);
        pin.set(true);
        scheduler.runUntil(100 * MS);
        assertThat(isr).isEmpty();
    }

    @Test
    void outputsGoLowOnReset() {
        DigitalSignal pin = signals.digital("dut.out", false);
        GpioOutput out = new GpioOutput(mcu, pin);
        load(() -> { }, r -> out.write(true));
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(60 * MS);
        assertThat(pin.isHigh()).isTrue();
        mcu.reset(ResetReason.COMMAND);
        assertThat(pin.isHigh()).isFalse();
        scheduler.runUntil(120 * MS);
        assertThat(pin.isHigh()).isTrue();
        assertThat(log).containsExactly(50 * MS + " start POWERON", 110 * MS + " start COMMAND");
    }

    @Test
    void theIndependentWatchdogResetsACoreWhoseLoopStopsKickingIt() {
        IndependentWatchdog iwdg = new IndependentWatchdog(mcu);
        load(iwdg::kick, r -> iwdg.start(10 * MS));
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(200 * MS);
        assertThat(log).containsExactly(50 * MS + " start POWERON");
        mcu.blockMainLoop(20 * MS);
        scheduler.runUntil(300 * MS);
        // last kick at 200 ms, expiry 10 ms later, boot 50 ms later
        assertThat(log).containsExactly(50 * MS + " start POWERON", 260 * MS + " start WATCHDOG");
    }

    @Test
    void aTimerFiresAtItsCompareTimeUnlessItsTickIsLost() {
        List<Long> fired = new ArrayList<>();
        McuTimer t = new McuTimer(mcu, "t", () -> fired.add(scheduler.nowNanos()));
        load(() -> { }, r -> t.startPeriodic(7 * MS));
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(64 * MS);
        assertThat(fired).containsExactly(57 * MS, 64 * MS);
        t.loseNextCompare();
        scheduler.runUntil(78 * MS);
        assertThat(fired).containsExactly(57 * MS, 64 * MS, 78 * MS);
    }

    @Test
    void theUartTakesTenBitTimesAByteAndOverrunsAFullFifo() {
        Uart uart = new Uart(mcu, 115_200, 4, 256);
        List<Long> sent = new ArrayList<>();
        uart.connectTx((t, b) -> sent.add(t));
        load(() -> { }, r -> uart.write(new byte[] {1, 2, 3}));
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(60 * MS);
        assertThat(uart.byteNanos()).isEqualTo(86_806);
        assertThat(sent).containsExactly(50 * MS + 86_806, 50 * MS + 2 * 86_806, 50 * MS + 3 * 86_806);
        for (int i = 0; i < 6; i++) {
            uart.rxByte(scheduler.nowNanos(), (byte) i);
        }
        assertThat(uart.overruns()).isEqualTo(2);
        assertThat(uart.read()).isEqualTo(0);
        assertThat(uart.read()).isEqualTo(1);
        assertThat(uart.read()).isEqualTo(2);
        assertThat(uart.read()).isEqualTo(3);
        assertThat(uart.read()).isEqualTo(-1);
    }

    @Test
    void theAdcQuantisesToItsResolution() {
        Adc adc = new Adc(() -> 80.01, 200.0, 12);
        assertThat(adc.read()).isEqualTo(Math.round(80.01 / 200.0 * 4095) * 200.0 / 4095);
        assertThat(new Adc(() -> 500, 200.0, 12).read()).isEqualTo(200.0);
        assertThat(new Adc(() -> -3, 200.0, 12).read()).isEqualTo(0.0);
    }

    @Test
    void framesQueuedWhileOneIsOnTheWireFollowItBackToBack() {
        Uart uart = new Uart(mcu, 115_200, 4, 256);
        List<Long> sent = new ArrayList<>();
        uart.connectTx((t, b) -> sent.add(t));
        load(() -> { }, r -> {
            uart.writeReply(new byte[] {1, 2});
            uart.writeReply(new byte[] {3});
            uart.write(new byte[] {4});
        });
        signals.start();
        mcu.powerOn();
        scheduler.runUntil(60 * MS);
        assertThat(sent).containsExactly(50 * MS + 86_806, 50 * MS + 2 * 86_806, 50 * MS + 3 * 86_806, 50 * MS + 4 * 86_806);
    }
}
