package org.hilrig.runner.station;

import java.util.List;

/**
 * What the operator's page shows of one socket at one moment, as the server sends it (server-sent events, JSON).
 * Immutable.
 *
 * @param state {@code idle}, {@code running}, {@code aborting} or {@code done}
 * @param phase what the attempt is doing before or around its scenarios (starting the unit, asking VER)
 * @param scenarioIndex 1-based number of the running scenario, 0 before the first
 * @param step the last command sent to the board
 * @param elapsedMillis since the scan
 * @param left the scenarios after the running one
 * @param verdict {@code PASS}, {@code FAIL}, {@code ABORTED} or {@code ERROR} once done, else null
 * @param why the verdict in words an operator reads (a FAIL's first failure: the test's title, what was measured,
 *     its value and limit)
 * @param unitStatus what the unit is after the attempt, from all its attempts ({@code failed, attempt 1 of 3}), once done
 * @param detail the engine's technical text of a FAIL or INCONCLUSIVE (scenario ids, steps, every test not passed),
 *     as the attempt's record keeps it; null otherwise
 */
public record SocketView(String socket, String state, String serial, String operator, String phase, int scenarioIndex,
        int scenarioCount, String scenario, String scenarioTitle, String step, long elapsedMillis, List<String> left,
        String verdict, String why, String evidence, String unitStatus, String detail) {
    public SocketView {
        left = List.copyOf(left);
    }

    static SocketView idle(String socket) {
        return new SocketView(socket, "idle", null, null, "waiting for a scan", 0, 0, null, null, null, 0, List.of(), null,
                null, null, null, null);
    }
}
