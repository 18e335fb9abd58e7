package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hilrig.runner.rig.StampKind;
import org.junit.jupiter.api.Test;

class StimulusTest {
    @Test
    void namesEachKindOfStimulusAsMessagesShowIt() {
        assertThat(Stimulus.START).isEqualTo(new Stimulus(0, StampKind.LINE, "the start", List.of()));
        assertThat(Stimulus.lines(1_000_000, List.of("rig.prep_req", "gen.prep_req")))
                .isEqualTo(new Stimulus(1_000_000, StampKind.LINE, "the stimulus at 1 ms",
                        List.of("rig.prep_req", "gen.prep_req")));
        assertThat(Stimulus.fault(2_000_000, "door_open").what()).isEqualTo("fault door_open at 2 ms");
        assertThat(Stimulus.fault(2_000_000, "door_open").kind()).isEqualTo(StampKind.FAULT);
        assertThat(Stimulus.frame(3_000_000, "01,HBT,1234", 1).what()).isEqualTo("the end of frame 01,HBT,1234 at 3 ms");
        assertThat(Stimulus.frame(3_000_000, "01,HBT,1234", 5).what())
                .isEqualTo("the end of frame 01,HBT,1234 (x5) at 3 ms");
        assertThat(Stimulus.frame(3_000_000, "01,HBT,1234", 5).signals()).isEmpty();
    }
}
