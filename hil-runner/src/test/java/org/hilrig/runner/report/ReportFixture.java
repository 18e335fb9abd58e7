package org.hilrig.runner.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.evidence.RunIdentity;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.StepResult;
import org.hilrig.runner.scenario.Requirement;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;

/**
 * A hand-made run for report tests: a passing door scenario (door opens at 100 ms, HV off 412 us later, limit
 * 1 ms, uncertainty 1 us) with steps, analog kV and a VER exchange on the serial link, and a failing
 * arc scenario whose title needs escaping.
 */
final class ReportFixture {
    static final long MS = 1_000_000L;
    static final long US = 1_000L;

    private ReportFixture() {
    }

    static Trace doorTrace() {
        Trace t = new Trace();
        int door = t.declareDigital("rig.door_closed");
        int hv = t.declareDigital("rig.gen.hv_enable");
        int xray = t.declareDigital("rig.gen.xray_on");
        int kv = t.declareReal("rig.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.digital(0, hv, Level.LOW);
        t.digital(0, xray, Level.X);
        t.real(0, kv, 0.0);
        t.frame(1 * MS, "gen", "tx", "\u000201,VER,683C\u0003".getBytes(StandardCharsets.US_ASCII));
        t.frame(2 * MS, "gen", "rx", "\u000201,ACK,VER,board=GEN,fw=1.0.0,proto=1,sn=GEN-0001,69F0\u0003"
                .getBytes(StandardCharsets.US_ASCII));
        t.digital(50 * MS, hv, Level.HIGH);
        t.real(50 * MS + 500 * US, kv, 80.0);
        t.digital(51 * MS, xray, Level.HIGH);
        t.digital(100 * MS, door, Level.LOW);
        t.digital(100 * MS + 412 * US, hv, Level.LOW);
        t.real(100 * MS + 600 * US, kv, 20.0);
        t.digital(100 * MS + 900 * US, xray, Level.LOW);
        t.end(120 * MS);
        return t;
    }

    static ScenarioResult door() {
        MeasurementResult hvOff = new MeasurementResult("door_to_hv_off", 412 * US, null, 1 * MS, 1 * US, Verdict.PASS,
                100 * MS, List.of("door_closed", "hv_enable", "xray_on", "kv_fb"));
        MeasurementResult xrayOff = new MeasurementResult("door_to_xray_off", 900 * US, null, 2 * MS, 1 * US,
                Verdict.PASS, 100 * MS, List.of());
        List<StepResult> steps = List.of(
                new StepResult(0, "set", "PREP_REQ active", 9, 0, 0, Verdict.PASS, null),
                new StepResult(1, "await", "READY is active within 2s", 10, 0, 40 * MS, Verdict.PASS, null),
                new StepResult(2, "fault", "door_open", 13, 100 * MS, 100 * MS, Verdict.PASS, null),
                new StepResult(3, "expect", "HV_ENABLE becomes inactive within 1ms", 14, 100 * MS, 100 * MS + 412 * US,
                        Verdict.PASS, null));
        return new ScenarioResult("INT-DOOR-003", "Door opened during exposure ends it within 1 ms",
                "scenarios/interlock/door-open.yaml", Verdict.PASS, List.of("REQ-ILK-001"), List.of("interlock"),
                List.of(hvOff, xrayOff), "traces/INT-DOOR-003.vcd", "ab12", null, 120 * MS, steps);
    }

    static ScenarioResult arc() {
        return new ScenarioResult("ARC-<4>", "Fourth arc aborts <script>alert(1)</script>", null, Verdict.FAIL,
                List.of("REQ-ARC-002", "REQ-TYPO-9"), List.of(), List.of(new MeasurementResult("arc_to_abort", 1500 * US,
                        null, 1 * MS, 0, Verdict.FAIL)), null, null, "aborted after the fifth arc, not the fourth",
                30 * MS);
    }

    /**
     * The same prep request on both sides of the wire: {@code rig.prep_req} (the rig drives it) rises at 10 ms,
     * {@code gen.prep_req} (the board's input) 2 us later; {@code gen.ready} rises 1.45 s after the rig's edge.
     */
    static Trace prepTrace() {
        Trace t = new Trace();
        int rigPrep = t.declareDigital("rig.prep_req");
        int genPrep = t.declareDigital("gen.prep_req");
        int ready = t.declareDigital("gen.ready");
        t.digital(0, rigPrep, Level.LOW);
        t.digital(0, genPrep, Level.LOW);
        t.digital(0, ready, Level.LOW);
        t.digital(10 * MS, rigPrep, Level.HIGH);
        t.digital(10 * MS + 2 * US, genPrep, Level.HIGH);
        t.digital(1460 * MS, ready, Level.HIGH);
        t.end(2000 * MS);
        return t;
    }

    /** An inconclusive scenario on {@link #prepTrace}: READY at 1.45 s +- 100 ms against a 1.5 s limit. */
    static ScenarioResult prep() {
        MeasurementResult ready = new MeasurementResult("prep_to_ready", 1450 * MS, 20 * MS, 1500 * MS, 100 * MS,
                Verdict.INCONCLUSIVE, 10 * MS, List.of("rig.prep_req", "gen.prep_req", "gen.ready"));
        List<StepResult> steps = List.of(
                new StepResult(0, "set", "PREP_REQ active", 7, 10 * MS, 10 * MS, Verdict.PASS, null),
                new StepResult(1, "expect", "READY becomes active within [20ms, 1.5s]", 8, 10 * MS, 1460 * MS,
                        Verdict.INCONCLUSIVE, "1.45 s +- 100 ms straddles the 1.5 s limit"));
        return new ScenarioResult("EXP-PREP-001", "Prep makes the generator ready within 1.5 s",
                "scenarios/exposure/prep.yaml", Verdict.INCONCLUSIVE, List.of("REQ-ILK-001"), List.of(), List.of(ready),
                "traces/EXP-PREP-001.vcd", "cd34", "prep_to_ready 1.45 s +- 100 ms straddles the 1.5 s limit",
                2000 * MS, steps);
    }

    /**
     * A scenario the rig could not finish, on {@link #prepTrace}: the board's prep input followed the rig's too
     * late (fail), then the measurement of READY erred.
     */
    static ScenarioResult rigError() {
        MeasurementResult wire = new MeasurementResult("prep_to_gen_prep", 2 * US, null, 1 * US, 0, Verdict.FAIL,
                10 * MS, List.of("rig.prep_req", "gen.prep_req"));
        MeasurementResult ready = new MeasurementResult("prep_to_ready", 1450 * MS, null, 2000 * MS, 1 * MS,
                Verdict.ERROR, 10 * MS, List.of("rig.prep_req", "gen.prep_req", "gen.ready"));
        List<StepResult> steps = List.of(
                new StepResult(0, "set", "PREP_REQ active", 7, 10 * MS, 10 * MS, Verdict.PASS, null),
                new StepResult(1, "expect", "gen PREP_REQ follows within 50us", 8, 10 * MS, 10 * MS + 2 * US,
                        Verdict.ERROR, "serial link lost"));
        return new ScenarioResult("SYS-LINK-001", "The board sees the rig's prep request", null, Verdict.ERROR,
                List.of("REQ-ARC-002"), List.of(), List.of(wire, ready), null, null, "rig failure: serial link lost",
                20 * MS, steps);
    }

    /** A run with a scenario, a step and a measurement of every verdict, each scenario with its trace. */
    static RunResult everyVerdictRun() {
        return new RunResult("20261127T200000Z-43", "sim", 43, List.of(), "2026-11-27T20:00:00Z",
                "2026-11-27T20:00:05Z", "0.1.0", List.of(door(), arc(), prep(), rigError()));
    }

    static Map<String, Trace> everyVerdictTraces() {
        Trace prep = prepTrace();
        return Map.of("INT-DOOR-003", doorTrace(), "EXP-PREP-001", prep, "SYS-LINK-001", prep);
    }

    static RunResult run() {
        return new RunResult("20261127T200000Z-42", "sim", 42, List.of("ARC_LIMIT_OFF_BY_ONE"), "2026-11-27T20:00:00Z",
                "2026-11-27T20:00:03Z", "0.1.0", List.of(door(), arc()));
    }

    static List<Requirement> requirements() {
        return List.of(new Requirement("REQ-ILK-001", "An open door ends HV within 1 ms, \"always\"", "IEC 60601-2-54 "
                        + "203.6.4"), new Requirement("REQ-ARC-002", "The fourth arc aborts the exposure", null),
                new Requirement("REQ-HEAT-001", "Techniques beyond the anode heat limit are refused", "spec 4.2"));
    }

    static RunIdentity identity() {
        return new RunIdentity("20261127T200000Z-42", "sim", "0.1.0", "classes", "Debian 17", "Linux 6 amd64", "rig-7",
                null, Map.of("board", "GEN", "fw", "1.0.0", "sn", "GEN-0001"),
                List.of(new FileDigest("scenarios/interlock/door-open.yaml",
                        FileDigest.sha256Hex("id: INT-DOOR-003".getBytes(StandardCharsets.UTF_8)), 16)),
                42, List.of("ARC_LIMIT_OFF_BY_ONE"), "2026-11-27T20:00:00Z", Instant.parse("2026-11-27T20:00:03Z").toString());
    }
}
