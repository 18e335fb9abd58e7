package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DefectsCommandTest {
    @Test
    void listsEveryBoardsDefectsOnceOneALineInTheirCatalogueOrder() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(new String[] {"defects"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
        // the generator's 24, which include the tube controller's two common ones (CRC_NOT_CHECKED, RESET_WHILE_ACTIVE)
        assertThat(out.toString().split("\n")).containsExactly("SLOW_INTERLOCK", "DOOR_IGNORED_IN_PREP",
                "ARC_COUNT_NOT_RESET", "ARC_LIMIT_OFF_BY_ONE", "NO_BACKUP_TIMER", "COMMS_LOSS_IGNORED_IN_EXPOSURE",
                "SINGLE_CHANNEL_EXPOSE", "ROTOR_TIMEOUT_5S", "READY_BEFORE_ROTOR", "CRC_NOT_CHECKED",
                "HEAT_LIMIT_IGNORED", "RESUME_AFTER_BROWNOUT", "EXPOSE_HELD_AT_BOOT", "POWER_LIMIT_UNCHECKED",
                "RESET_WHILE_ACTIVE", "XRAY_ON_FROM_COMMAND", "HEAT_CHECK_AT_PREP_ONLY", "HEAT_LOST_ON_RESET",
                "RELEASE_DEBOUNCED", "IWDG_KICKED_IN_ISR", "REMOTE_WITHOUT_WDG", "MAS_FROM_SETPOINT",
                "TIMER_RESTART_ON_ARC", "KV_FB_SCALE");
    }

    @Test
    void anEmulatedBoardRefusesADefectOfAnotherBoardNamingItsOwn() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(new String[] {"emulate", "--board", "TUB", "--tcp", "0", "--defect", "SLOW_INTERLOCK"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--defect SLOW_INTERLOCK: not a defect of the tube controller (its defects:"
                + " CRC_NOT_CHECKED, RESET_WHILE_ACTIVE)");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
