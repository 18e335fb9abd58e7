package org.hilrig.device.firmware;

import org.hilrig.device.mcu.GpioInput;
import org.hilrig.device.mcu.McuTimer;

/**
 * The handswitch as the generator's firmware sees it: the prep channel and the two expose channels A and
 * B, each debounced on press (the profile's {@code handswitch.debounce}) and released at once (a release
 * ends an exposure: it is never debounced); the A/B mismatch timer (fault F15 when they disagree for longer than {@code handswitch.mismatch}); and the arming
 * of the prep and expose requests: a request held through boot, or still held when an exposure ends or a
 * fault latches, does nothing until it is released and pressed again.
 *
 * <p>It keeps the channels and arming only; what a change means for the exposure is
 * {@link ExposureSequence}'s (the timers' handlers call it, the {@link GeneratorFirmware} wires them).
 *
 * <p>Defects: {@link Defect#SINGLE_CHANNEL_EXPOSE} (only channel A is read: B is neither listened to nor
 * read at boot, there is no mismatch supervision, and A alone requests the exposure);
 * {@link Defect#EXPOSE_HELD_AT_BOOT} and {@link Defect#RESUME_AFTER_BROWNOUT} (an expose request held
 * through boot stays armed; the second after a brown-out only, see {@link #boot});
 * {@link Defect#RELEASE_DEBOUNCED} (a release waits for its channel's debounce timer, {@link #releaseEdge}).
 *
 * <p>Confined to the scheduler's thread.
 */
final class HandswitchChannels {
    /** One handswitch channel. */
    enum Channel { PREP, EXP_A, EXP_B }

    private final GpioInput prepPin;
    private final GpioInput expAPin;
    private final GpioInput expBPin;
    private final McuTimer prepDebounce;
    private final McuTimer expADebounce;
    private final McuTimer expBDebounce;
    private final McuTimer mismatchTimer;
    private final long debounceNanos;
    private final long mismatchNanos;
    private final long releaseDebounceNanos;
    private final boolean singleChannel;
    private final boolean heldAtBootArms;

    private boolean prepActive;
    private boolean expAActive;
    private boolean expBActive;
    private boolean prepArmed;
    private boolean expArmed;

    /**
     * @param debounces the debounce timers of PREP, EXP_A and EXP_B, in that order; their handlers call
     *     {@link ExposureSequence#handswitchDebounced}
     * @param mismatchTimer the A/B mismatch timer; its handler latches F15
     * @param releaseDebounceNanos 0: a release acts at once; above 0 (the release-debounce defect): a release
     *     acts this long after its edge, if the channel is still released then
     */
    HandswitchChannels(GpioInput prepPin, GpioInput expAPin, GpioInput expBPin, McuTimer prepDebounce,
            McuTimer expADebounce, McuTimer expBDebounce, McuTimer mismatchTimer, long debounceNanos,
            long mismatchNanos, long releaseDebounceNanos, boolean singleChannel, boolean heldAtBootArms) {
        this.prepPin = prepPin;
        this.expAPin = expAPin;
        this.expBPin = expBPin;
        this.prepDebounce = prepDebounce;
        this.expADebounce = expADebounce;
        this.expBDebounce = expBDebounce;
        this.mismatchTimer = mismatchTimer;
        this.debounceNanos = debounceNanos;
        this.mismatchNanos = mismatchNanos;
        this.releaseDebounceNanos = releaseDebounceNanos;
        this.singleChannel = singleChannel;
        this.heldAtBootArms = heldAtBootArms;
    }

    /** False when the firmware listens to expose channel B at all (without the single-channel defect). */
    boolean readsChannelB() {
        return !singleChannel;
    }

    /**
     * The channels as found at boot, read directly (a level held through boot needs no debounce); an expose
     * request held through boot is not armed unless the held-at-boot defect or {@code resume} (a brown-out
     * with the resume defect) says so. Prep is armed.
     */
    void boot(boolean resume) {
        prepActive = prepPin.read();
        expAActive = expAPin.read();
        expBActive = !singleChannel && expBPin.read();
        boolean heldAtBoot = expAActive || expBActive;
        expArmed = !heldAtBoot || heldAtBootArms || resume;
        prepArmed = true;
    }

    /** A press edge: the channel becomes active after the debounce time, if still pressed then. */
    void pressEdge(Channel c) {
        debounceOf(c).startOneShot(debounceNanos);
    }

    /** True with the release-debounce defect: a release edge starts the debounce timer instead of acting. */
    boolean debouncesRelease() {
        return releaseDebounceNanos > 0;
    }

    /**
     * A release edge with the release-debounce defect: the channel's debounce timer restarts; when it expires
     * with the pin still low, {@link #released} acts.
     */
    void releaseEdge(Channel c) {
        debounceOf(c).startOneShot(releaseDebounceNanos);
    }

    /** True when the pin of {@code c} reads low now (released). */
    boolean releasedAtPin(Channel c) {
        return !pinOf(c).read();
    }

    /**
     * The debounce time of a press has passed: the channel becomes active if its pin is still high.
     *
     * @return true when the channel became active
     */
    boolean debounced(Channel c) {
        if (!pinOf(c).read()) {
            return false;
        }
        setActive(c, true);
        if (c != Channel.PREP) {
            checkMismatch();
        }
        return true;
    }

    /**
     * A release edge: acts at once; a released request is armed again.
     *
     * @return true when the channel was active (a release of a press still bouncing was not)
     */
    boolean released(Channel c) {
        debounceOf(c).stop();
        boolean wasActive = switch (c) {
            case PREP -> prepActive;
            case EXP_A -> expAActive;
            case EXP_B -> expBActive;
        };
        setActive(c, false);
        if (c != Channel.PREP) {
            expArmed = true; // a release re-arms the expose request
            checkMismatch();
        } else {
            prepArmed = true;
        }
        return wasActive;
    }

    /** True while the prep channel is active. */
    boolean prepHeld() {
        return prepActive;
    }

    /** True while the handswitch requests an exposure: both expose channels (A alone with the defect). */
    boolean exposeHeld() {
        return singleChannel ? expAActive : expAActive && expBActive;
    }

    /** True when the channels A and B disagree at their pins now (the cause of F15 is present). */
    boolean mismatchPresent() {
        return !singleChannel && expAPin.read() != expBPin.read();
    }

    boolean prepArmed() {
        return prepArmed;
    }

    boolean exposeArmed() {
        return expArmed;
    }

    void disarmPrep() {
        prepArmed = false;
    }

    void armPrep() {
        prepArmed = true;
    }

    void armExpose() {
        expArmed = true;
    }

    void disarmExpose() {
        expArmed = false;
    }

    /** Neither request does anything until released (a fault latched, or an abort). */
    void disarmBoth() {
        prepArmed = false;
        expArmed = false;
    }

    /** Faults cleared: a request still held stays disarmed until released; the mismatch is looked at again. */
    void rearmAfterReset() {
        prepArmed = !prepActive;
        expArmed = !(expAActive || expBActive);
        checkMismatch();
    }

    /** A fault latched: no mismatch supervision until the faults are reset. */
    void stopMismatch() {
        mismatchTimer.stop();
    }

    private void checkMismatch() {
        if (singleChannel) {
            return;
        }
        if (expAActive != expBActive) {
            if (!mismatchTimer.isRunning()) {
                mismatchTimer.startOneShot(mismatchNanos);
            }
        } else {
            mismatchTimer.stop();
        }
    }

    private GpioInput pinOf(Channel c) {
        return switch (c) {
            case PREP -> prepPin;
            case EXP_A -> expAPin;
            case EXP_B -> expBPin;
        };
    }

    private McuTimer debounceOf(Channel c) {
        return switch (c) {
            case PREP -> prepDebounce;
            case EXP_A -> expADebounce;
            case EXP_B -> expBDebounce;
        };
    }

    private void setActive(Channel c, boolean active) {
        switch (c) {
            case PREP -> prepActive = active;
            case EXP_A -> expAActive = active;
            case EXP_B -> expBActive = active;
        }
    }
}
