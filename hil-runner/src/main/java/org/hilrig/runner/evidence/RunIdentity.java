package org.hilrig.runner.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run was: the tool and the machine that ran it, the fixture, the board as it reported itself, the
 * exact scenario files, the seed and the defects. Written into the evidence folder as {@code identity.json}.
 *
 * @param toolBuild SHA-256 of the jar the tool ran from, or {@code classes} when run from a class folder
 * @param fixture the fixture file and its hash, or null on the simulated rig
 * @param board the board's identity as its {@code VER} reply gave it ({@code board}, {@code fw}, {@code sn},
 *     {@code build}, ...); for the emulator, what the emulator reported. {@code hil run} asks every board under
 *     test in the run and keys the fields by board ({@code GEN.fw}, {@code TUB.sn}); a board that did not
 *     answer has {@code BOARD.error}
 * @param startedUtc ISO-8601 UTC, e.g. {@code 2026-11-27T20:00:00Z}
 */
public record RunIdentity(String runId, String rig, String toolVersion, String toolBuild, String javaRuntime, String os,
        String host, FileDigest fixture, Map<String, String> board, List<FileDigest> scenarioFiles, long seed,
        List<String> defects, String startedUtc, String endedUtc) {

    public RunIdentity {
        board = Collections.unmodifiableMap(new TreeMap<>(board));
        scenarioFiles = List.copyOf(scenarioFiles);
        defects = List.copyOf(defects);
    }

    /**
     * The identity of a run on this machine: Java, OS and host name are read from the JVM, the tool build
     * from the jar holding this class, and every scenario file (and the fixture, when not null) is hashed.
     */
    public static RunIdentity capture(String runId, String rig, String toolVersion, Path fixtureFile,
            Map<String, String> board, List<Path> scenarioFiles, long seed, List<String> defects, Instant started,
            Instant ended) {
        List<FileDigest> scenarios = new ArrayList<>();
        for (Path p : scenarioFiles) {
            scenarios.add(FileDigest.of(p));
        }
        return capture(runId, rig, toolVersion, fixtureFile == null ? null : FileDigest.of(fixtureFile), board,
                scenarios, seed, defects, started, ended);
    }

    /**
     * {@link #capture(String, String, String, Path, Map, List, long, List, Instant, Instant)} with the fixture
     * and scenario files already hashed (under the names the run gives them, e.g. relative to the rig's home).
     */
    public static RunIdentity capture(String runId, String rig, String toolVersion, FileDigest fixture,
            Map<String, String> board, List<FileDigest> scenarioFiles, long seed, List<String> defects,
            Instant started, Instant ended) {
        return new RunIdentity(runId, rig, toolVersion, thisToolBuild(), System.getProperty("java.vendor") + " "
                + System.getProperty("java.runtime.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"), hostName(), fixture, board,
                scenarioFiles, seed, defects, started.toString(), ended == null ? null : ended.toString());
    }

    /** This identity with the run's end time. */
    public RunIdentity endedAt(Instant ended) {
        return new RunIdentity(runId, rig, toolVersion, toolBuild, javaRuntime, os, host, fixture, board, scenarioFiles, seed,
                defects, startedUtc, ended.toString());
    }

    /** The identity as {@code identity.json}: UTF-8, keys in a fixed order, indented. */
    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("rig", rig);
        m.put("tool_version", toolVersion);
        m.put("tool_build", toolBuild);
        m.put("java", javaRuntime);
        m.put("os", os);
        m.put("host", host);
        m.put("fixture", fixture == null ? null : digest(fixture));
        m.put("board", board);
        List<Object> files = new ArrayList<>();
        for (FileDigest f : scenarioFiles) {
            files.add(digest(f));
        }
        m.put("scenario_files", files);
        m.put("seed", seed);
        m.put("defects", defects);
        m.put("started_utc", startedUtc);
        m.put("ended_utc", endedUtc);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m)
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write identity as JSON", e);
        }
    }

    private static Map<String, Object> digest(FileDigest f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("sha256", f.sha256());
        m.put("size", f.sizeBytes());
        return m;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown (" + e.getMessage() + ")" : env;
        }
    }

    private static String thisToolBuild() {
        CodeSource src = RunIdentity.class.getProtectionDomain().getCodeSource();
        if (src == null) {
            return "unknown";
        }
        try {
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) ? "sha256:" + FileDigest.of(p).sha256() : "classes";
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "unknown (" + src.getLocation() + ")";
        }
    }
}
