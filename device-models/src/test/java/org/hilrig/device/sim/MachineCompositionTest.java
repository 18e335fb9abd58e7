package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.timing.trace.SignalInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The four machine configurations, pinned as they were before the machine composed a list of boards: the
 * signals in declaration order (the VCD header), the logical line names, and the hash of a trace in which the
 * rig drives every input it may and injects a fault of every part. The expected values were pasted from a
 * run of the machine with its two boards hard-wired; any change of declaration, listener or timer order
 * changes them.
 */
class MachineCompositionTest {
    private static final long MS = 1_000_000L;

    /** A configuration: the board under test and whether the other board runs its firmware too. */
    enum Config {
        GEN_WITH_TUB_MODEL(Board.GEN, false),
        GEN_WITH_TUB_EMULATED(Board.GEN, true),
        TUB_ALONE(Board.TUB, false),
        TUB_WITH_GEN_EMULATED(Board.TUB, true);

        final Board underTest;
        final boolean emulateOther;

        Config(Board underTest, boolean emulateOther) {
            this.underTest = underTest;
            this.emulateOther = emulateOther;
        }

        Machine build() {
            return Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub())
                    .boardUnderTest(underTest).emulateOtherBoard(emulateOther).seed(11).build();
        }
    }

    private static final String GEN_SIGNALS = "rig.prep_req rig.exp_req_a rig.exp_req_b rig.aec_stop plant.door_closed"
            + " plant.estop_ok plant.thermal_ok plant.kv_ok plant.arc plant.fil_ok plant.phase_ok plant.kv_fb plant.ma_fb"
            + " plant.rotor_rpm plant.supply_v gen.prep_req gen.exp_req_a gen.exp_req_b gen.door_closed gen.estop_ok"
            + " gen.thermal_ok gen.rotor_ready gen.aec_stop gen.kv_ok gen.arc_detect gen.fil_ok gen.ready gen.hv_enable"
            + " gen.xray_on gen.rotor_start gen.fault gen.alive gen.fil_boost gen.kv_demand gen.ma_demand tub.rotor_start"
            + " tub.rotor_ready tub.tub_fault";
    private static final String TUB_PINS = " tub.phase_ok tub.alive tub.rotor_drive tub.rotor_brake tub.rpm_demand";
    private static final Map<Config, String> SIGNALS = Map.of(
            Config.GEN_WITH_TUB_MODEL, GEN_SIGNALS,
            Config.GEN_WITH_TUB_EMULATED, GEN_SIGNALS + TUB_PINS,
            Config.TUB_ALONE, "rig.rotor_start plant.thermal_ok plant.phase_ok plant.rotor_rpm plant.supply_v"
                    + " tub.rotor_start tub.rotor_ready tub.tub_fault" + TUB_PINS,
            Config.TUB_WITH_GEN_EMULATED, GEN_SIGNALS + TUB_PINS);

    private static final String GEN_LINES = "PREP_REQ EXP_REQ_A EXP_REQ_B DOOR_CLOSED ESTOP_OK THERMAL_OK ROTOR_READY"
            + " AEC_STOP READY HV_ENABLE XRAY_ON ROTOR_START FAULT ALIVE TUB_FAULT";
    private static final Map<Config, String> LINES = Map.of(
            Config.GEN_WITH_TUB_MODEL, GEN_LINES,
            Config.GEN_WITH_TUB_EMULATED, GEN_LINES,
            Config.TUB_ALONE, "ROTOR_READY ROTOR_START ALIVE TUB_FAULT",
            Config.TUB_WITH_GEN_EMULATED, GEN_LINES);

    private static final Map<Config, String> TRACE_SHA256 = Map.of(
            Config.GEN_WITH_TUB_MODEL, "51f2a2ed484b66600c01cbe372f0e155e108aa5ca41f8c7408cd1c666d086eb8",
            Config.GEN_WITH_TUB_EMULATED, "0a5d1e5b6111e34eca8dd57027cda6b74888695dccdada3feb7218d8d104c3c7",
            Config.TUB_ALONE, "d32f6c0d2a4a73b20b314de67e4944cd0edd149f4681e50804e325c3b665578e",
            Config.TUB_WITH_GEN_EMULATED, "e5d0445ad2e34d03e6ed78447687a22156aaeacc9e2809c7fe6e4c20d9a7fc6a");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.class)
    void signalsAreDeclaredInTheOrderTheyAlwaysWere(Config c) {
        Machine m = c.build();

        assertThat(m.trace().signals().stream().map(SignalInfo::path).collect(Collectors.joining(" ")))
                .isEqualTo(SIGNALS.get(c));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.class)
    void theLogicalLineNamesAreTheBoardsLines(Config c) {
        assertThat(String.join(" ", c.build().lineNames())).isEqualTo(LINES.get(c));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.class)
    void aRunThatDrivesEveryInputAndInjectsFaultsOfEveryPartGivesTheSameTrace(Config c) {
        Machine m = c.build();
        boolean gen = m.generator() != null;
        List<Consumer<Machine>> acts = gen
                ? List.of(x -> x.drive("PREP_REQ", true), x -> x.inject("aec_stop", Map.of("after_xray_on", "30ms")),
                        x -> x.drive("EXP_REQ_A", true), x -> x.drive("EXP_REQ_B", true),
                        x -> x.inject("arc_burst", Map.of("arcs", 2, "spacing", "3ms")),
                        x -> x.drive("EXP_REQ_A", false), x -> x.drive("EXP_REQ_B", false),
                        x -> x.drive("PREP_REQ", false), x -> x.inject("door_open"), x -> x.inject("serial_noise"),
                        x -> x.inject("tube_overheat", Map.of("joules", 5000)), x -> x.inject("door_close"),
                        x -> x.inject("rotor_slow", Map.of("factor", 2, "after", "5ms")),
                        x -> x.drive("PREP_REQ", true), x -> x.inject("brown_out"), x -> x.drive("PREP_REQ", false))
                : List.of(x -> x.drive("ROTOR_START", true), x -> x.inject("rotor_slow", Map.of("factor", 2)),
                        x -> x.drive("ROTOR_START", false), x -> x.inject("serial_noise"),
                        x -> x.inject("tube_overheat", Map.of("joules", 5000)), x -> x.inject("phase_loss"),
                        x -> x.inject("rotor_repair"), x -> x.drive("ROTOR_START", true), x -> x.inject("brown_out"),
                        x -> x.drive("ROTOR_START", false));
        m.runFor(1500 * MS);
        for (Consumer<Machine> act : acts) {
            act.accept(m);
            m.runFor(400 * MS);
        }
        m.trace().end(m.scheduler().nowNanos());

        assertThat(m.trace().changeCount()).isGreaterThan(20);
        assertThat(m.trace().sha256Hex()).isEqualTo(TRACE_SHA256.get(c));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.class)
    void everyFaultNameIsKnownToEveryConfiguration(Config c) {
        Set<String> names = Machine.faultNames();

        assertThat(names).hasSize(37).startsWith("door_open").contains("link_cut", "tube_overheat", "discharge_open");
        assertThat(c.build().boardUnderTest()).isEqualTo(c.underTest);
    }
}
