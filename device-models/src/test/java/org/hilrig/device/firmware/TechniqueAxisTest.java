package org.hilrig.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.protocol.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each technique axis names its command, range keys and reply field, and changes exactly its own value. */
class TechniqueAxisTest {
    private static final Technique T = new Technique(80, 250, 100);

    @Test
    void eachAxisIsSetByItsCommandWithinItsRangeAndReportedInItsField() {
        assertThat(TechniqueAxis.KV.command()).isEqualTo(Command.SKV);
        assertThat(TechniqueAxis.KV.min()).isEqualTo(GeneratorKeys.KV_MIN);
        assertThat(TechniqueAxis.KV.max()).isEqualTo(GeneratorKeys.KV_MAX);
        assertThat(TechniqueAxis.KV.field()).isEqualTo("kv");
        assertThat(TechniqueAxis.MA.command()).isEqualTo(Command.SMA);
        assertThat(TechniqueAxis.MA.min()).isEqualTo(GeneratorKeys.MA_MIN);
        assertThat(TechniqueAxis.MA.max()).isEqualTo(GeneratorKeys.MA_MAX);
        assertThat(TechniqueAxis.MA.field()).isEqualTo("ma");
        assertThat(TechniqueAxis.MS.command()).isEqualTo(Command.SMS);
        assertThat(TechniqueAxis.MS.min()).isEqualTo(GeneratorKeys.MS_MIN);
        assertThat(TechniqueAxis.MS.max()).isEqualTo(GeneratorKeys.MS_MAX);
        assertThat(TechniqueAxis.MS.field()).isEqualTo("ms");
    }

    @Test
    void theAxesAreExactlyTheThreeTechniqueCommands() {
        assertThat(Arrays.stream(TechniqueAxis.values()).map(TechniqueAxis::command))
                .containsExactly(Command.SKV, Command.SMA, Command.SMS);
    }

    @Test
    void ofReadsEachAxis() {
        assertThat(TechniqueAxis.KV.of(T)).isEqualTo(80.0);
        assertThat(TechniqueAxis.MA.of(T)).isEqualTo(250.0);
        assertThat(TechniqueAxis.MS.of(T)).isEqualTo(100.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TechniqueAxis.class)
    void withChangesItsOwnAxisAndNoOther(TechniqueAxis axis) {
        Technique changed = axis.with(T, 42.5);
        for (TechniqueAxis other : TechniqueAxis.values()) {
            assertThat(other.of(changed)).as(other.name()).isEqualTo(other == axis ? 42.5 : other.of(T));
        }
    }

    @Test
    void powerAndChargeOfATechnique() {
        assertThat(T.kilowatts()).isEqualTo(20.0);
        assertThat(T.milliampereSeconds()).isEqualTo(25.0);
    }
}
