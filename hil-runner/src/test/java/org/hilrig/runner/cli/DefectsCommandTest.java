package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.hilrig.device.firmware.Defect;
import org.junit.jupiter.api.Test;

class DefectsCommandTest {
    @Test
    void listsEveryDefectOfTheDomainOneALine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(new String[] {"defects"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().split("\n")).containsExactly(Arrays.stream(Defect.values()).map(Enum::name).toArray(String[]::new));
        assertThat(out.toString()).contains("SLOW_INTERLOCK\n", "XRAY_ON_FROM_COMMAND\n");
        assertThat(Defect.values()).hasSize(24);
    }
}
