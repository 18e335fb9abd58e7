package org.hilrig.device.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hilrig.device.fault.PlantFault.Kind;
import org.hilrig.device.fault.PlantFault.Parameter;
import org.hilrig.device.fault.PlantFault.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FaultTextTest {
    private static final long MS = 1_000_000L;

    /** The fault vocabulary as sim.Fault had it before the catalogue: name, then parameter=default in order. */
    private static final List<String> VOCABULARY = List.of(
            "door_open", "door_close", "estop_press", "estop_release", "thermal_switch_open", "thermal_switch_close",
            "arc", "arc_burst arcs=4 spacing=5ms", "hard_short length=0", "short_clear", "discharge_open", "discharge_repair", "filament_open",
            "filament_repair", "rotor_slow factor=0.5", "rotor_stall", "phase_loss", "rotor_repair", "start_rate",
            "over_kv factor=1.15", "kv_regulation factor=0.85", "kv_normal", "aec_stop after_xray_on=50ms",
            "aec_never_stops", "handswitch_stuck", "handswitch_free", "handswitch_mismatch channel=B",
            "brown_out depth_v=12 length=50ms", "power_loss length=0", "power_restore", "firmware_hang length=1s",
            "exposure_timer_lost", "link_cut length=0", "link_restore", "serial_noise bytes=16",
            "serial_flood length=100ms", "tube_overheat joules=2000000");

    @Test
    void kindNamesParametersAndDefaultsAreTheVocabularyScenariosAlreadyUse() {
        List<String> actual = new ArrayList<>();
        for (Kind k : Kind.values()) {
            StringBuilder s = new StringBuilder(k.faultName());
            k.defaults().forEach((p, d) -> s.append(' ').append(p).append('=').append(d));
            actual.add(s.toString());
        }
        assertThat(actual).containsExactlyElementsOf(VOCABULARY);
        assertThat(FaultText.names()).containsExactlyElementsOf(VOCABULARY.stream().map(v -> v.split(" ")[0]).toList());
    }

    @Test
    void descriptionsAreTheOnesUsersAlreadySee() {
        assertThat(Kind.DOOR_OPEN.description()).isEqualTo("door opens (interlock loop broken)");
        assertThat(Kind.AEC_NEVER_STOPS.description()).isEqualTo(
                "the AEC chamber never stops: the set time ends the exposure (with exposure_timer_lost, the backup timer)");
        assertThat(Kind.TUBE_OVERHEAT.description()).isEqualTo("the anode is heated by a given energy");
        assertThat(Arrays.stream(Kind.values()).map(Kind::description)).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void eachParameterMeasuresItsQuantity() {
        Map<String, Quantity> units = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            for (Parameter p : k.parameters()) {
                units.put(k.faultName() + "." + p.name(), p.quantity());
            }
        }
        assertThat(units).containsExactly(
                Map.entry("arc_burst.arcs", Quantity.COUNT), Map.entry("arc_burst.spacing", Quantity.DURATION),
                Map.entry("hard_short.length", Quantity.DURATION), Map.entry("rotor_slow.factor", Quantity.FACTOR),
                Map.entry("over_kv.factor", Quantity.FACTOR), Map.entry("kv_regulation.factor", Quantity.FACTOR),
                Map.entry("aec_stop.after_xray_on", Quantity.DURATION),
                Map.entry("handswitch_mismatch.channel", Quantity.CHANNEL),
                Map.entry("brown_out.depth_v", Quantity.VOLTS), Map.entry("brown_out.length", Quantity.DURATION),
                Map.entry("power_loss.length", Quantity.DURATION), Map.entry("firmware_hang.length", Quantity.DURATION),
                Map.entry("link_cut.length", Quantity.DURATION), Map.entry("serial_noise.bytes", Quantity.COUNT),
                Map.entry("serial_flood.length", Quantity.DURATION), Map.entry("tube_overheat.joules", Quantity.JOULES));
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of(Kind.ARC_BURST, new PlantFault.ArcBurst(4, 5 * MS)),
                Arguments.of(Kind.HARD_SHORT, new PlantFault.HardShort(0)),
                Arguments.of(Kind.ROTOR_SLOW, new PlantFault.RotorSlow(0.5)),
                Arguments.of(Kind.OVER_KV, new PlantFault.OverKv(1.15)),
                Arguments.of(Kind.KV_REGULATION, new PlantFault.KvRegulation(0.85)),
                Arguments.of(Kind.AEC_STOP, new PlantFault.AecStop(50 * MS)),
                Arguments.of(Kind.HANDSWITCH_MISMATCH, new PlantFault.HandswitchMismatch(PlantFault.Channel.B)),
                Arguments.of(Kind.BROWN_OUT, new PlantFault.BrownOut(12, 50 * MS)),
                Arguments.of(Kind.POWER_LOSS, new PlantFault.PowerLoss(0)),
                Arguments.of(Kind.FIRMWARE_HANG, new PlantFault.FirmwareHang(1000 * MS)),
                Arguments.of(Kind.LINK_CUT, new PlantFault.LinkCut(0)),
                Arguments.of(Kind.SERIAL_NOISE, new PlantFault.SerialNoise(16)),
                Arguments.of(Kind.SERIAL_FLOOD, new PlantFault.SerialFlood(100 * MS)),
                Arguments.of(Kind.TUBE_OVERHEAT, new PlantFault.TubeOverheat(2_000_000)));
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void aKindWithParametersParsesToItsDefaults(Kind kind, PlantFault expected) {
        assertThat(FaultText.parse(kind.faultName(), Map.of())).isEqualTo(expected);
        assertThat(expected.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindParsesWithItsDefaultsToAValueOfThatKind(Kind kind) {
        PlantFault f = FaultText.parse(kind.faultName(), Map.of());
        assertThat(f.kind()).isEqualTo(kind);
        if (kind.parameters().isEmpty()) {
            assertThat(f).isEqualTo(new PlantFault.Simple(kind));
        } else {
            assertThat(f).isNotInstanceOf(PlantFault.Simple.class);
        }
    }

    @Test
    void givenTextsReplaceDefaultsAndScheduleKeysAreLeftToTheCaller() {
        assertThat(FaultText.parse("arc_burst", Map.of("arcs", " 7 ", "spacing", "250us", "after", "1s", "when", "XRAY_ON")))
                .isEqualTo(new PlantFault.ArcBurst(7, 250_000));
        assertThat(FaultText.parse("hard_short", Map.of("length", "2500"))).isEqualTo(new PlantFault.HardShort(2500));
        assertThat(FaultText.parse("handswitch_mismatch", Map.of("channel", "A")))
                .isEqualTo(new PlantFault.HandswitchMismatch(PlantFault.Channel.A));
        assertThat(FaultText.parse("brown_out", Map.of("depth_v", "3.5"))).isEqualTo(new PlantFault.BrownOut(3.5, 50 * MS));
    }

    static Stream<Arguments> badValues() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (Parameter p : k.parameters()) {
                String n = k.faultName() + ": " + p.name();
                switch (p.quantity()) {
                    case DURATION -> {
                        cases.add(Arguments.of(k, p.name(), "5xs", "fault " + n + ": '5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)"));
                        cases.add(Arguments.of(k, p.name(), "-5ms", "fault " + n + ": '-5ms' is negative; durations are 0 or more"));
                        cases.add(Arguments.of(k, p.name(), "99999999999999999999",
                                "fault " + n + ": '99999999999999999999' is too large (at most 9223372036854775807 ns)"));
                    }
                    case COUNT -> {
                        cases.add(Arguments.of(k, p.name(), "-1", "fault " + n + " '-1' is not a count (0 or more)"));
                        cases.add(Arguments.of(k, p.name(), "2.5", "fault " + n + " '2.5' is not a count (0 or more)"));
                    }
                    case FACTOR, VOLTS, JOULES ->
                            cases.add(Arguments.of(k, p.name(), "1,5", "fault " + n + " '1,5' is not a number"));
                    case CHANNEL -> cases.add(Arguments.of(k, p.name(), "C", "fault " + n + " 'C' (allowed: A, B)"));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("badValues")
    void everyParameterRejectsABadValueWithTheMessageUsersAlreadySee(Kind kind, String parameter, String text, String message) {
        assertThatThrownBy(() -> FaultText.parse(kind.faultName(), Map.of(parameter, text)))
                .isInstanceOfSatisfying(FaultTextException.class, e -> {
                    assertThat(e).hasMessage(message);
                    assertThat(e.issues()).containsExactly(new FaultTextException.Issue(parameter, message));
                });
    }

    @Test
    void everyProblemIsReportedByParameterUnknownKeysFirst() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("length", "soon");
        given.put("depth_v", "deep");
        given.put("count", "3");
        assertThatThrownBy(() -> FaultText.parse("brown_out", given))
                .isInstanceOfSatisfying(FaultTextException.class, e -> {
                    assertThat(e.issues()).containsExactly(
                            new FaultTextException.Issue("count",
                                    "fault brown_out: unknown parameter 'count' (allowed: depth_v, length, after, when)"),
                            new FaultTextException.Issue("depth_v", "fault brown_out: depth_v 'deep' is not a number"),
                            new FaultTextException.Issue("length",
                                    "fault brown_out: length: 'soon' is not a duration (use ns, us, ms or s, e.g. 2.5ms)"));
                    assertThat(e).hasMessage("fault brown_out: unknown parameter 'count' (allowed: depth_v, length, after, when); "
                            + "fault brown_out: depth_v 'deep' is not a number; "
                            + "fault brown_out: length: 'soon' is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
                });
    }

    @Test
    void aFaultWithoutParametersListsOnlyTheScheduleKeysAsAllowed() {
        assertThatThrownBy(() -> FaultText.parse("door_open", Map.of("length", "1s")))
                .hasMessage("fault door_open: unknown parameter 'length' (allowed: after, when)");
    }

    @Test
    void anUnknownFaultNameIsAProblemOfTheNameListingEveryFault() {
        assertThatThrownBy(() -> FaultText.parse("door_slam", Map.of()))
                .isInstanceOfSatisfying(FaultTextException.class, e -> {
                    assertThat(e.issues()).extracting(FaultTextException.Issue::parameter).containsExactly("name");
                    assertThat(e).hasMessageStartingWith("unknown fault 'door_slam' (allowed: door_open, door_close, ")
                            .hasMessageEndingWith(", serial_flood, tube_overheat)");
                });
    }

    @Test
    void aDurationForAfterIsReadLikeAnyFaultDuration() {
        assertThat(FaultText.duration("arc", "after", "2ms")).isEqualTo(2 * MS);
        assertThat(FaultText.duration("arc", "after", "1500")).isEqualTo(1500);
        assertThatThrownBy(() -> FaultText.duration("arc", "after", "later"))
                .hasMessage("fault arc: after: 'later' is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
    }

    @Test
    void recordsRefuseValuesNoRigCanMake() {
        assertThatThrownBy(() -> new PlantFault.Simple(Kind.ARC_BURST))
                .hasMessage("PlantFault.Simple: arc_burst takes parameters [arcs, spacing] (use its own record)");
        assertThatThrownBy(() -> new PlantFault.ArcBurst(-1, 0)).hasMessage("fault arc_burst: arcs -1 is negative (0 or more)");
        assertThatThrownBy(() -> new PlantFault.LinkCut(-5)).hasMessage("fault link_cut: length -5 is negative (0 or more)");
    }
}
