package org.hilrig.device.firmware;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.ExposureSequence.Mode;
import org.hilrig.device.mcu.GpioInput;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.protocol.Command;
import org.hilrig.device.protocol.FieldText;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.NakCode;

import static org.hilrig.device.firmware.CommonCommands.ack;
import static org.hilrig.device.firmware.CommonCommands.bare;
import static org.hilrig.device.firmware.CommonCommands.nak;

/**
 * The generator's command table ({@code protocol.md} section 4): one entry per {@link Command}, those the
 * generator does not speak answered {@code NAK 02}. Each entry checks its arguments and refusals in the
 * table's order, has the {@link ExposureSequence} do what it asks, and builds the reply; the commands every
 * board shares are {@link CommonCommands}.
 *
 * <p>A technique command ({@code SKV}, {@code SMA}, {@code SMS}: one {@link TechniqueAxis} each) is checked
 * for its range, then with the other two values for power and for the heat it alone would put into a cold
 * anode, then for STANDBY, and is refused {@code 07} (busy) while the cable still holds the last exposure's kV
 * (the kV comparator high). A manual technique has no mAs limit of its own: the 600 mAs / 60 kWs of
 * {@code technique.mas_max} and {@code technique.kws_max} are the AEC backup (21 CFR 1020.31(a)(3)).
 * {@code AEC 1|0} switches the technique to AEC or back (docs/protocol-additions.md): in AEC the set time is
 * not used, the chamber ends the exposure and the backup timer at the lesser of mas_max / mA and
 * kws_max / kW; the technique's heat is then the backup's.
 *
 * <p>A remote exposure needs the host watchdog armed (docs/protocol-additions.md): {@code EXP 1} is refused
 * {@code 04} while it is off, and {@code WDG 0} ends a remote exposure as {@code EXP 0} does.
 *
 * <p>Defects: {@link Defect#POWER_LIMIT_UNCHECKED} (a technique over the power limit is accepted);
 * {@link Defect#REMOTE_WITHOUT_WDG} ({@code EXP 1} is not refused for the host watchdog being off, and
 * {@code WDG 0} leaves a remote exposure running);
 * {@link Defect#HEAT_LIMIT_IGNORED} ({@code PRP 1} is not refused {@code 06}); {@link Defect#DOOR_IGNORED_IN_PREP}
 * ({@code PRP 1} is not refused {@code 05} for an open door, through {@link Interlocks#blockPrep()}).
 *
 * <p>Confined to the scheduler's thread.
 */
final class GeneratorCommands {
    private final ExposureSequence sequence;
    private final CommonCommands common;
    private final FaultLatch<GenFault> latched;
    private final Interlocks interlocks;
    private final AnodeHeat heat;
    private final GpioInput kvOkPin;
    private final HostPort host;
    private final BoardProfile profile;
    private final LongSupplier clock;
    private final boolean powerLimitUnchecked;
    private final boolean heatLimitIgnored;
    private final boolean remoteWithoutWdg;

    GeneratorCommands(ExposureSequence sequence, CommonCommands common, FaultLatch<GenFault> latched,
            Interlocks interlocks, AnodeHeat heat, GpioInput kvOkPin, HostPort host, BoardProfile profile,
            LongSupplier clock, Set<Defect> defects) {
        this.sequence = sequence;
        this.common = common;
        this.latched = latched;
        this.interlocks = interlocks;
        this.heat = heat;
        this.kvOkPin = kvOkPin;
        this.host = host;
        this.profile = profile;
        this.clock = clock;
        this.powerLimitUnchecked = defects.contains(GeneratorDefects.POWER_LIMIT_UNCHECKED);
        this.heatLimitIgnored = defects.contains(GeneratorDefects.HEAT_LIMIT_IGNORED);
        this.remoteWithoutWdg = defects.contains(GeneratorDefects.REMOTE_WITHOUT_WDG);
    }

    /** The one reply to {@code c}, a frame of the command {@code command}. */
    Frame execute(Command command, Frame c) {
        return switch (command) {
            case VER -> common.ver(c);
            case HBT -> common.hbt(c);
            case FLT -> common.flt(c);
            case WDG -> wdg(c);
            case LNK -> common.lnk(c);
            case STA -> bare(c, () -> ack(c, status()));
            case MOD -> mod(c);
            case SKV -> technique(c, TechniqueAxis.KV);
            case SMA -> technique(c, TechniqueAxis.MA);
            case SMS -> technique(c, TechniqueAxis.MS);
            case PRP -> prp(c);
            case EXP -> exp(c);
            case ABT -> abort(c);
            case RST -> bare(c, () -> reset(c));
            case HEA -> bare(c, () -> ack(c, KeyValues.of("anode", Long.toString(heat.percentAt(clock.getAsLong())),
                    "housing", interlocks.thermalOpen() ? "OPEN" : "OK",
                    "wait_s", Long.toString(heat.waitSeconds(sequence.technique(), clock.getAsLong())))));
            case LXP -> bare(c, () -> lxp(c));
            case AEC -> aec(c);
            case SRS -> CommonCommands.unknown(c);
        };
    }

    private KeyValues status() {
        Technique t = sequence.technique();
        return KeyValues.of("state", sequence.state().name(), "mode", sequence.mode().name(),
                "kv", FieldText.decimal(t.kv(), 1), "ma", FieldText.decimal(t.ma(), 1), "ms", FieldText.decimal(t.ms(), 1),
                "ilk", Integer.toHexString(interlocks.bits()).toUpperCase(Locale.ROOT),
                "flt", Integer.toString(latched.size()),
                "anode", Long.toString(heat.percentAt(clock.getAsLong())),
                "crcerr", Long.toString(host.crcErrors()));
    }

    private Frame mod(Frame c) {
        List<String> args = c.arguments();
        if (args.size() != 1) {
            return nak(c, NakCode.MALFORMED_FIELDS);
        }
        Mode m;
        if (args.get(0).equals("LOCAL")) {
            m = Mode.LOCAL;
        } else if (args.get(0).equals("REMOTE")) {
            m = Mode.REMOTE;
        } else {
            return nak(c, NakCode.OUT_OF_RANGE);
        }
        if (sequence.state() != GenState.STANDBY) {
            return nak(c, NakCode.WRONG_STATE);
        }
        sequence.setMode(m);
        return ack(c, KeyValues.of("mode", m.name()));
    }

    /** SKV, SMA, SMS: range, then power and heat with the other two values, then state, then the kV decay. */
    private Frame technique(Frame c, TechniqueAxis axis) {
        List<String> args = c.arguments();
        if (args.size() != 1 || !FieldText.isDecimal(args.get(0))) {
            return nak(c, NakCode.MALFORMED_FIELDS);
        }
        double v = FieldText.parseDecimal(args.get(0));
        if (v < profile.number(axis.min()) || v > profile.number(axis.max())) {
            return nak(c, NakCode.OUT_OF_RANGE);
        }
        Technique next = inMode(axis.with(sequence.technique(), v), sequence.technique().aec());
        boolean overPower = next.kilowatts() > profile.number(GeneratorKeys.POWER_MAX_KW);
        if (overPower && !powerLimitUnchecked) {
            return nak(c, NakCode.OUT_OF_RANGE);
        }
        return apply(c, next, KeyValues.of(axis.field(), FieldText.decimal(v, 1)));
    }

    /**
     * {@code AEC 1} or {@code AEC 0}: the technique in AEC or manual, checked as a technique command checks
     * its value (heat, state, kV decay); the ACK gives the mode and the backup timer's time in it.
     */
    private Frame aec(Frame c) {
        List<String> args = c.arguments();
        Boolean on = boolArg(args);
        if (on == null) {
            return nak(c, args.size() == 1 && FieldText.isDecimal(args.get(0))
                    ? NakCode.OUT_OF_RANGE : NakCode.MALFORMED_FIELDS);
        }
        Technique next = inMode(sequence.technique(), on);
        double backupMs = ExposureSupervision.backupNanos(next, profile.number(GeneratorKeys.BACKUP_FACTOR),
                profile.nanos(GeneratorKeys.BACKUP_MARGIN)) / 1e6;
        return apply(c, next, KeyValues.of("aec", on ? "1" : "0", "backup_ms", FieldText.decimal(backupMs, 1)));
    }

    /** The last refusals of every technique change (heat alone, state, kV decay), then the change and its ACK. */
    private Frame apply(Frame c, Technique next, KeyValues ackFields) {
        if (!heat.fitsCold(next) && !heatLimitIgnored) {
            return nak(c, NakCode.OUT_OF_RANGE); // beyond the anode's capacity even cold: never exposable
        }
        if (sequence.state() != GenState.STANDBY) {
            return nak(c, NakCode.WRONG_STATE);
        }
        if (kvOkPin.read()) {
            return nak(c, NakCode.BUSY); // the last exposure's kV is still decaying
        }
        sequence.setTechnique(next);
        return ack(c, ackFields);
    }

    /**
     * {@code t} manual, or in AEC with the AEC backup's time at its kV and mA: the lesser of
     * {@code technique.mas_max} / mA and {@code technique.kws_max} / kW.
     */
    private Technique inMode(Technique t, boolean aec) {
        if (!aec) {
            return t.manual();
        }
        double masSeconds = profile.number(GeneratorKeys.MAS_MAX) / t.ma();
        double kwsSeconds = profile.number(GeneratorKeys.KWS_MAX) / t.kilowatts();
        return t.withAecBackup(Math.min(masSeconds, kwsSeconds) * 1000.0);
    }

    /**
     * The NAK for a PRP or EXP whose argument is not 0 or 1 ({@code on} null), or that comes outside remote
     * mode; null when the command may go on.
     */
    private Frame refuseRemoteSwitch(Frame c, Boolean on) {
        List<String> args = c.arguments();
        if (on == null) {
            return nak(c, args.size() == 1 && FieldText.isDecimal(args.get(0))
                    ? NakCode.OUT_OF_RANGE : NakCode.MALFORMED_FIELDS);
        }
        if (sequence.mode() != Mode.REMOTE) {
            return nak(c, NakCode.NOT_REMOTE);
        }
        return null;
    }

    private Frame prp(Frame c) {
        Boolean on = boolArg(c.arguments());
        Frame refused = refuseRemoteSwitch(c, on);
        if (refused != null) {
            return refused;
        }
        if (on) {
            if (sequence.faultLatched()) {
                return nak(c, NakCode.FAULT_LATCHED);
            }
            if (interlocks.blockPrep()) {
                return nak(c, NakCode.INTERLOCK_OPEN);
            }
            if (!sequence.heatAllows() && !heatLimitIgnored) {
                return nak(c, NakCode.THERMAL_INHIBIT);
            }
            sequence.remotePrepOn();
        } else {
            sequence.remotePrepOff();
        }
        return ack(c, KeyValues.of("state", sequence.state().name()));
    }

    private Frame exp(Frame c) {
        Boolean on = boolArg(c.arguments());
        Frame refused = refuseRemoteSwitch(c, on);
        if (refused != null) {
            return refused;
        }
        if (on) {
            if (sequence.state() != GenState.READY) {
                return nak(c, NakCode.WRONG_STATE);
            }
            if (!hostWatchdogArmed() && !remoteWithoutWdg) {
                return nak(c, NakCode.WRONG_STATE); // no remote exposure the host could not stop by falling silent
            }
            sequence.remoteExposeOn();
        } else {
            sequence.remoteExposeOff();
        }
        return ack(c, KeyValues.of("state", sequence.state().name()));
    }

    /** {@code WDG}: as every board's; switched off, it also ends a remote exposure (its request withdrawn). */
    private Frame wdg(Frame c) {
        Frame reply = common.wdg(c);
        if (!hostWatchdogArmed() && !remoteWithoutWdg) {
            sequence.remoteExposeOff();
        }
        return reply;
    }

    private boolean hostWatchdogArmed() {
        return host.watchdogNanos() > 0;
    }

    private static Boolean boolArg(List<String> args) {
        if (args.size() != 1) {
            return null;
        }
        return args.get(0).equals("1") ? Boolean.TRUE : args.get(0).equals("0") ? Boolean.FALSE : null;
    }

    /** ABT: never refused, whatever its arguments. */
    private Frame abort(Frame c) {
        sequence.abort();
        return ack(c, KeyValues.of("state", sequence.state().name()));
    }

    private Frame reset(Frame c) {
        if (!sequence.resetFaults()) {
            return nak(c, NakCode.FAULT_LATCHED);
        }
        return ack(c, KeyValues.of("flt", Integer.toString(latched.size())));
    }

    private Frame lxp(Frame c) {
        GeneratorFirmware.LastExposure last = sequence.lastExposure();
        if (last == null) {
            return ack(c, KeyValues.of("kv", "0.0", "ma", "0.0", "ms", "0.0", "mas", "0.00", "arcs", "0", "end", "NONE"));
        }
        return ack(c, KeyValues.of("kv", FieldText.decimal(last.kv(), 1),
                "ma", FieldText.decimal(last.ma(), 1), "ms", FieldText.decimal(last.ms(), 1),
                "mas", FieldText.decimal(last.mas(), 2), "arcs", Integer.toString(last.arcs()),
                "end", last.end().name()));
    }
}
