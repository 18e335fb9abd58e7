package org.hilrig.runner.scenario;

/**
 * What running a step does, one method per {@link Step} record; {@link EngineRun} is the one that runs
 * steps on a rig. Each method returns when the step is done; it throws {@link NotMet} when the step's
 * expectation is not met, {@link LimitReached} when the scenario's length limit comes first, and a
 * {@link org.hilrig.timing.RigException} or {@link IllegalArgumentException} when the rig could not run it.
 * An implementation runs one scenario and is confined to its thread.
 */
interface StepRun {
    /** A step's expectation was not met: the scenario fails with this message. */
    final class NotMet extends RuntimeException {
        /** Whether the step awaited an event (which may be one of those the board's event counter shows lost). */
        final boolean aboutEvents;

        NotMet(String message) {
            this(message, false);
        }

        NotMet(String message, boolean aboutEvents) {
            super(message, null, false, false);
            this.aboutEvents = aboutEvents;
        }
    }

    /** A step reached the scenario's length limit: the scenario errs (no expectation was judged). */
    final class LimitReached extends IllegalStateException {
        LimitReached(String message) {
            super(message);
        }
    }

    /** Drives the step's lines; the last edge is the new stimulus. */
    void set(Step.Set s);

    /** Lets the step's time pass. */
    void waitFor(Step.Wait w);

    /** Injects the step's plant fault; the instant it took effect is the new stimulus. */
    void fault(Step.Fault f);

    /** Waits until a line is in a state, within the limit from the stimulus. */
    void await(Step.Await a);

    /** Waits for a line to enter a state within the limit from the anchor. */
    void expect(Step.Expect e);

    /** Watches a line hold its state for the step's time. */
    void hold(Step.Hold h);

    /** Waits for a matching event within the limit from the anchor. */
    void expectEvent(Step.ExpectEvent e);

    /** Watches for the step's time that no matching event comes. */
    void noEvent(Step.NoEvent n);

    /** Sends a command frame and checks the reply; the frame's last byte is the new stimulus. */
    void send(Step.Send s);

    /** Takes the step's statistic of an analog line over its window, once the window has closed, and judges it. */
    void measure(Step.Measure m);

    /** Sends {@code HBT} at the step's period for its time, each acknowledged in time. */
    void heartbeat(Step.Heartbeat h);
}
