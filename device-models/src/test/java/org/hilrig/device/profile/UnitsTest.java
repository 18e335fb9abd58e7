package org.hilrig.device.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitsTest {
    private static final BoardProfile GEN = ReferenceProfiles.gen().withSpreads(Map.of(
            GeneratorKeys.CABLE_CAPACITANCE_NF, new Spread(0.10, 0),
            CommonKeys.IRQ_LATENCY, new Spread(0, 1_000)));

    @Test
    void theSameUnitSeedIsTheSameUnitAndAnotherSeedAnotherUnit() {
        assertThat(Units.draw(GEN, 17).entries()).isEqualTo(Units.draw(GEN, 17).entries());
        assertThat(Units.draw(GEN, 17).number(GeneratorKeys.CABLE_CAPACITANCE_NF))
                .isNotEqualTo(Units.draw(GEN, 18).number(GeneratorKeys.CABLE_CAPACITANCE_NF));
    }

    @Test
    void everyUnitOfALotLiesWithinItsSpreadAndOnlyTheSpreadKeysAndTheSerialChange() {
        double nominal = GEN.number(GeneratorKeys.CABLE_CAPACITANCE_NF);
        long latency = GEN.nanos(CommonKeys.IRQ_LATENCY);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (long seed = 1; seed <= 500; seed++) {
            BoardProfile u = Units.draw(GEN, seed);
            double c = u.number(GeneratorKeys.CABLE_CAPACITANCE_NF);
            assertThat(c).isBetween(nominal * 0.9, nominal * 1.1);
            assertThat(u.nanos(CommonKeys.IRQ_LATENCY)).isBetween(Math.max(0, latency - 1_000), latency + 1_000);
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
            Map<ProfileKey, String> others = new java.util.HashMap<>(u.entries());
            others.keySet().removeAll(GEN.spreads().keySet());
            others.remove(CommonKeys.SERIAL_NUMBER);
            Map<ProfileKey, String> ref = new java.util.HashMap<>(GEN.entries());
            ref.keySet().removeAll(GEN.spreads().keySet());
            ref.remove(CommonKeys.SERIAL_NUMBER);
            assertThat(others).isEqualTo(ref);
        }
        // three standard deviations to the limit: 500 units reach well beyond one sigma on both sides
        assertThat(lo).isLessThan(nominal * (1 - 0.10 / 3));
        assertThat(hi).isGreaterThan(nominal * (1 + 0.10 / 3));
    }

    @Test
    void theSerialNumberFollowsTheSeedAndASerialNumberGivesItsSeed() {
        assertThat(Units.draw(GEN, 17).text(CommonKeys.SERIAL_NUMBER)).isEqualTo("GEN-U17");
        assertThat(Units.seedOf("GEN-U17")).isEqualTo(17);
        long scanned = Units.seedOf("SN24-0815");
        assertThat(scanned).isNotNegative().isEqualTo(Units.seedOf(" SN24-0815 "));
        BoardProfile u = Units.ofSerial(GEN, "SN24-0815");
        assertThat(u.text(CommonKeys.SERIAL_NUMBER)).isEqualTo("SN24-0815");
        assertThat(u.entries().get(GeneratorKeys.CABLE_CAPACITANCE_NF))
                .isEqualTo(Units.draw(GEN, scanned).entries().get(GeneratorKeys.CABLE_CAPACITANCE_NF));
    }

    @Test
    void aUnitsDrawOfOneKeyDoesNotDependOnWhichOtherKeysVary() {
        BoardProfile fewer = ReferenceProfiles.gen().withSpreads(Map.of(GeneratorKeys.CABLE_CAPACITANCE_NF, new Spread(0.10, 0)));
        assertThat(Units.draw(fewer, 5).number(GeneratorKeys.CABLE_CAPACITANCE_NF))
                .isEqualTo(Units.draw(GEN, 5).number(GeneratorKeys.CABLE_CAPACITANCE_NF));
    }

    @Test
    void limitsIdentityAndTextDoNotVary() {
        assertThat(BoardProfile.varianceProblem(GeneratorKeys.SCHEMA, CommonKeys.LIMIT_SERIAL_REPLY)).contains("only components vary");
        assertThat(BoardProfile.varianceProblem(GeneratorKeys.SCHEMA, GeneratorKeys.KV_MAX)).contains("only components vary");
        assertThat(BoardProfile.varianceProblem(GeneratorKeys.SCHEMA, GeneratorKeys.ARC_LIMIT)).contains("only numbers and durations");
        assertThat(BoardProfile.varianceProblem(GeneratorKeys.SCHEMA, TubeKeys.RPM_HIGH)).contains("does not apply to board GEN");
        assertThat(BoardProfile.varianceProblem(GeneratorKeys.SCHEMA, GeneratorKeys.CABLE_CAPACITANCE_NF)).isNull();
        assertThatThrownBy(() -> GEN.withSpreads(Map.of(CommonKeys.LIMIT_SERIAL_REPLY, new Spread(0.1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("units.limits.serial_reply");
    }

    @Test
    void spreadsParseAsASharePercentOrAnAmountInTheKeysUnit() {
        assertThat(Spread.parse(GeneratorKeys.CABLE_CAPACITANCE_NF, "10 %")).isEqualTo(new Spread(0.10, 0));
        assertThat(Spread.parse(GeneratorKeys.CABLE_CAPACITANCE_NF, "±0.2")).isEqualTo(new Spread(0, 0.2));
        assertThat(Spread.parse(CommonKeys.IRQ_LATENCY, "1us")).isEqualTo(new Spread(0, 1_000));
        assertThatThrownBy(() -> Spread.parse(GeneratorKeys.CABLE_CAPACITANCE_NF, "lots"))
                .hasMessageContaining("'lots' is not a spread");
        assertThatThrownBy(() -> Spread.parse(CommonKeys.SERIAL_NUMBER, "1"))
                .hasMessageContaining("cannot vary from unit to unit");
    }
}
