package org.hilrig.runner.scenario;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hilrig.device.protocol.DecodeListener;
import org.hilrig.device.protocol.DiscardedInput;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.FrameDecoder;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ReceivedFrame;
import org.hilrig.runner.rig.Rig;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;

/**
 * A tiny scripted board on virtual time for testing the engine's semantics before the emulator exists:
 * BOOT at 50 ms; PREP_REQ raises READY after 1.2 s; both expose lines while READY raise HV_ENABLE after
 * 10 us and XRAY_ON 400 us later; DOOR_CLOSED falling drops HV_ENABLE after {@code doorToHvNanos} and
 * XRAY_ON 500 us later and sends EVT,FAULT,code=F01; every command is acknowledged 1 ms after its last
 * byte. Test code only.
 */
final class ScriptedRig implements Rig, DecodeListener {
    private final Scheduler scheduler = new Scheduler();
    private final Trace trace = new Trace();
    private final SignalSet signals = new SignalSet(scheduler, trace);
    private final DigitalSignal prep = signals.digital("gen.PREP_REQ", false);
    private final DigitalSignal expA = signals.digital("gen.EXP_REQ_A", false);
    private final DigitalSignal expB = signals.digital("gen.EXP_REQ_B", false);
    private final DigitalSignal door = signals.digital("gen.DOOR_CLOSED", true);
    private final DigitalSignal ready = signals.digital("gen.READY", false);
    private final DigitalSignal hv = signals.digital("gen.HV_ENABLE", false);
    private final DigitalSignal xray = signals.digital("gen.XRAY_ON", false);
    private final FrameDecoder decoder = new FrameDecoder(this);
    private final long doorToHvNanos;
    private int events;
    private boolean closed;

    ScriptedRig(long doorToHvNanos) {
        this.doorToHvNanos = doorToHvNanos;
        signals.start();
        scheduler.at(50_000_000L, "boot", () -> event("BOOT", KeyValues.of("fw", "1.0.0", "reason", "POWERON")));
        prep.onEdge((s, high, t) -> scheduler.after(high ? 1_200_000_000L : 0, "ready", () -> ready.set(high)));
        DigitalSignal.EdgeListener expose = (s, high, t) -> {
            if (expA.isHigh() && expB.isHigh() && ready.isHigh()) {
                scheduler.after(10_000, "hv", () -> hv.set(true));
                scheduler.after(410_000, "xray", () -> xray.set(hv.isHigh()));
            } else if (!high) {
                hv.set(false);
                scheduler.after(500_000, "xray off", () -> xray.set(false));
            }
        };
        expA.onEdge(expose);
        expB.onEdge(expose);
        door.onEdge((s, high, t) -> {
            if (!high) {
                scheduler.after(doorToHvNanos, "door hv", () -> hv.set(false));
                scheduler.after(doorToHvNanos + 500_000, "door xray", () -> xray.set(false));
                event("FAULT", KeyValues.of("code", "F01", "name", "DOOR_OPEN"));
            }
        });
    }

    private void event(String name, KeyValues values) {
        trace.frame(scheduler.nowNanos(), "host", "tx", Frame.event(events++ & 0xFF, name, values).encode());
    }

    @Override
    public long nowNanos() {
        return scheduler.nowNanos();
    }

    @Override
    public Trace trace() {
        return trace;
    }

    @Override
    public long drive(String line, boolean active) {
        DigitalSignal s = signals.findDigital("gen." + line);
        if (s == null) {
            throw new IllegalArgumentException("no input line " + line);
        }
        s.set(active);
        return scheduler.nowNanos();
    }

    @Override
    public long send(byte[] bytes) {
        long end = scheduler.nowNanos() + bytes.length * 86_806L;
        scheduler.at(end, "tx", () -> {
            trace.frame(end, "host", "rx", bytes);
            decoder.accept(bytes, 0, bytes.length, end);
        });
        return end;
    }

    @Override
    public void frame(ReceivedFrame f) {
        Frame c = f.frame();
        scheduler.after(1_000_000, "reply", () -> trace.frame(scheduler.nowNanos(), "host", "tx",
                Frame.ack(c.seq(), c.name(), KeyValues.empty()).encode()));
    }

    @Override
    public void discarded(DiscardedInput discarded) {
    }

    @Override
    public long inject(String fault, Map<String, String> params) {
        if (!fault.equals("door_open")) {
            throw new IllegalArgumentException("unknown fault " + fault);
        }
        door.set(false);
        return scheduler.nowNanos();
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, long deadlineNanos) {
        return scheduler.runUntil(condition, deadlineNanos);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            prep.set(false);
            expA.set(false);
            expB.set(false);
        }
    }
}
