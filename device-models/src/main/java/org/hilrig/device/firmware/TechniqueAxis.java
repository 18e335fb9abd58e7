package org.hilrig.device.firmware;

import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.device.protocol.Command;

/**
 * One axis of the generator's {@link Technique} and everything the protocol ties to it: the command that
 * sets it, the profile keys of its range, and the ACK field that reports it ({@code protocol.md} section 4).
 */
enum TechniqueAxis {
    KV(Command.SKV, GeneratorKeys.KV_MIN, GeneratorKeys.KV_MAX, "kv"),
    MA(Command.SMA, GeneratorKeys.MA_MIN, GeneratorKeys.MA_MAX, "ma"),
    MS(Command.SMS, GeneratorKeys.MS_MIN, GeneratorKeys.MS_MAX, "ms");

    private final Command command;
    private final ProfileKey min;
    private final ProfileKey max;
    private final String field;

    TechniqueAxis(Command command, ProfileKey min, ProfileKey max, String field) {
        this.command = command;
        this.min = min;
        this.max = max;
        this.field = field;
    }

    /** The command that sets this axis. */
    Command command() {
        return command;
    }

    /** The profile key of the lowest value the command accepts. */
    ProfileKey min() {
        return min;
    }

    /** The profile key of the highest value the command accepts. */
    ProfileKey max() {
        return max;
    }

    /** The field of the command's ACK, e.g. {@code kv}. */
    String field() {
        return field;
    }

    /** This axis's value of {@code t}. */
    double of(Technique t) {
        return switch (this) {
            case KV -> t.kv();
            case MA -> t.ma();
            case MS -> t.ms();
        };
    }

    /**
     * {@code t} with this axis set to {@code value}, the other two and the mode unchanged (an AEC technique
     * keeps its backup time: the caller computes the new one).
     */
    Technique with(Technique t, double value) {
        return switch (this) {
            case KV -> new Technique(value, t.ma(), t.ms(), t.aecBackupMs());
            case MA -> new Technique(t.kv(), value, t.ms(), t.aecBackupMs());
            case MS -> new Technique(t.kv(), t.ma(), value, t.aecBackupMs());
        };
    }
}
