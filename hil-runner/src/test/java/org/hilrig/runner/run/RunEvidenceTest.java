package org.hilrig.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunEvidenceTest {
    @Test
    void aScenarioFileUnderTheHomeKeepsItsNameInTheFolder() {
        assertThat(RunEvidence.inFolder("test-scenarios/scenarios/interlock/int-door-001.yaml"))
                .isEqualTo("test-scenarios/scenarios/interlock/int-door-001.yaml");
    }

    @Test
    void aScenarioFileElsewhereStaysInsideTheFolder() {
        assertThat(RunEvidence.inFolder("/tmp/lib/door.yaml")).isEqualTo("tmp/lib/door.yaml");
        assertThat(RunEvidence.inFolder("../../lib/./door.yaml")).isEqualTo("lib/door.yaml");
        assertThat(RunEvidence.inFolder("lib/../../door.yaml")).isEqualTo("door.yaml");
    }
}
