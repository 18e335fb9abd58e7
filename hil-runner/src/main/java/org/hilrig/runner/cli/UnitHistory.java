package org.hilrig.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.RetestPolicy;
import org.hilrig.runner.store.ReworkRecord;
import org.hilrig.runner.store.UnitRecords;
import org.hilrig.runner.store.UnitStatus;
import org.hilrig.timing.BadInputException;

/**
 * {@code hil history --unit SERIAL [--json]}: one unit as the production stations recorded it: every attempt,
 * oldest first (start, station, socket, operator, profile revision, verdict, evidence manifest hash, abort reason),
 * its rework steps, and its status under its product's retest policy in force. An attempt still running has no
 * verdict ({@code running}); an attempt recorded before profile revisions existed shows its profile's hash only.
 */
final class UnitHistory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UnitHistory() {
    }

    /**
     * Prints the unit.
     *
     * @param where the database as messages name it (no password)
     * @throws BadInputException when the database does not know the serial
     */
    static void print(PrintWriter out, UnitRecords db, String serial, String where, boolean json) {
        if (!db.knows(serial)) {
            throw new BadInputException("", 0, 0, "--unit " + serial + ": no such unit in " + where
                    + " (no station has scanned it)");
        }
        List<AttemptRecord> attempts = db.attempts(serial);
        List<ReworkRecord> reworks = db.reworks(serial);
        String part = attempts.isEmpty() ? null : attempts.get(0).partNumber();
        Optional<RetestPolicy> policy = part == null ? Optional.empty() : db.products().policy(part);
        UnitStatus status = policy.map(p -> UnitStatus.of(attempts, reworks, p.maxAttempts(), p.reworkAfterFail()))
                .orElseGet(() -> UnitStatus.of(attempts, reworks, Integer.MAX_VALUE, false));
        if (json) {
            out.println(json(serial, attempts, reworks, status, policy));
            return;
        }
        AttemptRecord first = attempts.get(0);
        out.printf(Locale.ROOT, "unit %s: %s rev %s, first scanned %s; status: %s (%d conclusive attempts%s)%n", serial,
                first.partNumber(), first.revision(), first.startedUtc(), status.words(),
                UnitStatus.conclusiveAttempts(attempts), policy.map(p -> " of " + p.maxAttempts() + " allowed, rework after"
                        + " a fail " + (p.reworkAfterFail() ? "required" : "not required")).orElse(""));
        out.println();
        String fmt = "%-24s %-12s %-6s %-10s %-14s %-12s %-64s %s%n";
        out.printf(Locale.ROOT, fmt, "STARTED", "STATION", "SOCKET", "OPERATOR", "PROFILE", "VERDICT", "MANIFEST",
                "ABORT REASON");
        for (AttemptRecord a : attempts) {
            out.printf(Locale.ROOT, fmt, a.startedUtc(), a.station(), a.socket(), a.operator(), a.profileRevision() == null
                    ? "sha " + a.profileSha256().substring(0, 8) : a.profileRevision(), a.verdict() == null ? "running"
                            : a.verdict().name(), a.manifestSha256() == null ? "-" : a.manifestSha256(),
                    a.abortReason() == null ? "-" : a.abortReason());
        }
        out.println();
        if (reworks.isEmpty()) {
            out.println("no rework steps");
            return;
        }
        String rfmt = "%-24s %-12s %-10s %-40s %s%n";
        out.printf(Locale.ROOT, rfmt, "REWORKED", "STATION", "OPERATOR", "AFTER ATTEMPT", "NOTE");
        for (ReworkRecord w : reworks) {
            out.printf(Locale.ROOT, rfmt, w.recordedUtc(), w.station(), w.operator(), w.afterAttempt(), w.note());
        }
    }

    private static String json(String serial, List<AttemptRecord> attempts, List<ReworkRecord> reworks, UnitStatus status,
            Optional<RetestPolicy> policy) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("serial", serial);
        unit.put("part_number", attempts.get(0).partNumber());
        unit.put("revision", attempts.get(0).revision());
        unit.put("status", status.name().toLowerCase(Locale.ROOT));
        unit.put("max_attempts", policy.map(RetestPolicy::maxAttempts).orElse(null));
        unit.put("rework_after_fail", policy.map(RetestPolicy::reworkAfterFail).orElse(null));
        List<Map<String, Object>> as = new ArrayList<>();
        for (AttemptRecord a : attempts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attempt_id", a.attemptId());
            m.put("started_utc", a.startedUtc());
            m.put("ended_utc", a.endedUtc());
            m.put("station", a.station());
            m.put("socket", a.socket());
            m.put("operator", a.operator());
            m.put("fixture", a.fixture());
            m.put("profile_revision", a.profileRevision());
            m.put("profile_sha256", a.profileSha256());
            m.put("verdict", a.verdict() == null ? null : a.verdict().name().toLowerCase(Locale.ROOT));
            m.put("abort_reason", a.abortReason());
            m.put("why", a.why());
            m.put("run_id", a.runId());
            m.put("evidence", a.evidence());
            m.put("manifest_sha256", a.manifestSha256());
            m.put("board", a.board());
            as.add(m);
        }
        unit.put("attempts", as);
        List<Map<String, Object>> ws = new ArrayList<>();
        for (ReworkRecord w : reworks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rework_id", w.reworkId());
            m.put("recorded_utc", w.recordedUtc());
            m.put("station", w.station());
            m.put("operator", w.operator());
            m.put("after_attempt", w.afterAttempt());
            m.put("note", w.note());
            ws.add(m);
        }
        unit.put("reworks", ws);
        try {
            return JSON.writeValueAsString(unit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
