package org.hilrig.runner.scenario;

import java.util.List;
import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.rig.Rig;
import org.hilrig.timing.RigException;

/**
 * Runs a scenario on a {@link Rig} and judges it.
 *
 * <p>Before the first step the engine drives nothing and waits for the board's {@code EVT,BOOT} (within the
 * protocol's 500 ms), then sets the scenario's technique with {@code SKV}, {@code SMA}, {@code SMS}. Each
 * step then runs in order; the first step whose expectation is not met fails the scenario and ends it
 * (invariants are still checked on what was recorded). Every limit is measured from the time the stimulus
 * actually took effect on the rig (see {@link Step}), and every named measurement carries the rig's
 * timestamp uncertainty, so a limit inside it makes the verdict inconclusive; so does an awaited event
 * that did not come when the board's event counter shows events were lost. No rig time passes beyond the
 * scenario's limit (its {@code limit}, else the profile's {@link ProfileLimits#SCENARIO_LIMIT}): a step that
 * would run longer ends the scenario in error when the limit comes.
 *
 * <p>After the last step (or the failing one) the engine closes the rig, which returns its outputs to the
 * safe state, ends the trace and checks the scenario's {@code always} invariants on the whole trace with
 * the timing-core rule monitors. Its owner still closes the rig on every other way out ({@code close} is
 * idempotent). Stateless; one engine may run many scenarios one after the other, each on its own rig.
 */
public final class ScenarioEngine {
    private final ProfileLimits limits;

    /** An engine that resolves {@code profile.NAME} limits against {@code limits}. */
    public ScenarioEngine(ProfileLimits limits) {
        this.limits = limits;
    }

    /** Runs {@code scenario} on {@code rig} (freshly made, at time 0) and returns its outcome. */
    public ScenarioOutcome run(Scenario scenario, Rig rig) {
        return new EngineRun(limits, scenario, rig).execute();
    }

    /**
     * Asks a board who it is, as the evidence records it: waits for its {@code EVT,BOOT} on {@code rig}
     * (freshly made, at time 0), sends {@code VER} and returns the fields of its {@code ACK}
     * ({@code board}, {@code fw}, {@code proto}, {@code sn}, {@code build}) in the order it sent them. Leaves
     * the rig to its owner to close.
     *
     * @param board the board under test on that rig
     * @throws RigException or {@link IllegalStateException} when the board did not boot or did not answer
     *     {@code VER} with an {@code ACK}
     */
    public Map<String, String> identify(Rig rig, Board board) {
        return identify(rig, board, Step.Send.ack(new Position("VER", 0, 0), "VER"));
    }

    /**
     * As {@link #identify(Rig, Board)}, the reply awaited for up to {@code replyNanos} rather than the profile's
     * serial reply limit: who a board is, asked over real I/O on a loaded machine (the production station), is not a
     * timing test.
     */
    public Map<String, String> identify(Rig rig, Board board, long replyNanos) {
        Position at = new Position("VER", 0, 0);
        return identify(rig, board, new Step.Send(at, "VER", List.of(), null, false, Step.Corruption.NONE, 1,
                new Step.Reply(Step.Reply.Kind.ACK, null), Map.of(), Limit.upTo(replyNanos,
                        org.hilrig.timing.Durations.format(replyNanos)), null));
    }

    private Map<String, String> identify(Rig rig, Board board, Step.Send ver) {
        Position at = ver.at();
        Scenario ask = new Scenario("VER-" + board.name(), "board identity", List.of(), List.of(), board, false, null,
                List.of(), List.of(ver), List.of(), null, at);
        return new EngineRun(limits, ask, rig).identify(ver);
    }
}
