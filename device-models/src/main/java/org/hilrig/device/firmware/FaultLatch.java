package org.hilrig.device.firmware;

import java.util.EnumSet;
import java.util.function.Predicate;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.KeyValues;

/**
 * The faults a board has latched, and what the protocol says about them, the same on both boards:
 * latching one sends {@code EVT,FAULT,code,name}; {@code FLT} lists them joined by {@code +} (or
 * {@code none}); {@code RST} clears those whose cause is gone, each with {@code EVT,CLEAR,code}, and leaves
 * the others latched (NAK 09) unless the firmware carries the {@code RESET_WHILE_ACTIVE} defect.
 *
 * <p>Confined to the board's scheduler thread.
 */
public final class FaultLatch<F extends Enum<F> & FaultCode> {
    private final EnumSet<F> latched;
    private final HostPort host;

    public FaultLatch(Class<F> codes, HostPort host) {
        this.latched = EnumSet.noneOf(codes);
        this.host = host;
    }

    /** Latches {@code f} and reports it; false (and nothing sent) when it was latched already. */
    public boolean latch(F f) {
        if (!latched.add(f)) {
            return false;
        }
        host.event(Event.FAULT, KeyValues.of("code", f.name(), "name", f.faultName()));
        return true;
    }

    public boolean contains(F f) {
        return latched.contains(f);
    }

    public boolean isEmpty() {
        return latched.isEmpty();
    }

    public int size() {
        return latched.size();
    }

    /** A copy of the latched codes. */
    public EnumSet<F> codes() {
        return EnumSet.copyOf(latched);
    }

    /** Forgets every fault without reporting (a reset of the controller). */
    public void forget() {
        latched.clear();
    }

    /** The {@code FLT} list: the latched codes joined by {@code +}, or {@code none}. */
    public String list() {
        if (latched.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (F f : latched) {
            b.append(b.length() == 0 ? "" : "+").append(f.name());
        }
        return b.toString();
    }

    /**
     * {@code RST}: clears every fault whose cause is gone (or every fault, when {@code resetWhileActive}, the
     * defect), reporting each with {@code EVT,CLEAR}.
     *
     * @return true when a fault stayed latched because its cause is still present
     */
    public boolean clear(Predicate<F> causePresent, boolean resetWhileActive) {
        boolean blocked = false;
        for (F f : EnumSet.copyOf(latched)) {
            if (causePresent.test(f) && !resetWhileActive) {
                blocked = true;
            } else {
                latched.remove(f);
                host.event(Event.CLEAR, KeyValues.of("code", f.name()));
            }
        }
        return blocked;
    }
}
