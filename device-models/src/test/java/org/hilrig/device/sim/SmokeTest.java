package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ReferenceProfiles;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void exposure() {
        Machine m = Machine.builder().genProfile(ReferenceProfiles.gen()).tubProfile(ReferenceProfiles.tub())
                .boardUnderTest(Board.GEN).defects(Set.of()).seed(1).build();
        StringBuilder log = new StringBuilder();
        for (String n : new String[] {"READY", "HV_ENABLE", "XRAY_ON", "ROTOR_READY", "FAULT", "ROTOR_START"}) {
            m.line(n).onEdge((s, h, t) -> log.append(t).append(' ').append(s.path()).append('=').append(h).append('\n'));
        }
        m.hostLink().onReceive((t, b) -> log.append(b == 3 ? "\n" : b == 2 ? "<" + t + ">" : String.valueOf((char) b)));
        m.runFor(100_000_000L);
        m.drive("PREP_REQ", true);
        m.runFor(2_000_000_000L);
        m.drive("EXP_REQ_A", true);
        m.drive("EXP_REQ_B", true);
        m.runFor(1_000_000_000L);
        System.out.println(log);
        assertThat(m.generator().lastExposure()).isNotNull();
    }
}
