package org.hilrig.runner.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integrity record of an evidence folder, {@code manifest.json}: the SHA-256 of every other file, the
 * hash of the previous manifest sealed on the same rig (null for a rig's first run), and who signed it.
 *
 * <pre>
 * {"format": "hil-evidence-manifest/1", "run_id": "...", "rig_id": "...", "created_utc": "...",
 *  "previous_manifest_sha256": "..." | null, "signed_by": "ed25519:..." | null,
 *  "files": [{"path": "results.json", "sha256": "...", "size": 1234}, ...]}
 * </pre>
 *
 * <p>Paths are relative to the folder, {@code /} separated, sorted. The manifest's own hash is the SHA-256 of
 * its file's exact bytes; the signature in {@code manifest.sig} is over the same bytes.
 */
public record Manifest(String runId, String rigId, String createdUtc, String previousManifestSha256,
        String signedBy, List<FileDigest> files) {
    public static final String FORMAT = "hil-evidence-manifest/1";
    public static final String FILE = "manifest.json";
    public static final String SIGNATURE_FILE = "manifest.sig";

    public Manifest {
        files = List.copyOf(files);
    }

    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("run_id", runId);
        m.put("rig_id", rigId);
        m.put("created_utc", createdUtc);
        m.put("previous_manifest_sha256", previousManifestSha256);
        m.put("signed_by", signedBy);
        List<Object> list = new ArrayList<>();
        for (FileDigest f : files) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", f.path());
            e.put("sha256", f.sha256());
            e.put("size", f.sizeBytes());
            list.add(e);
        }
        m.put("files", list);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m).concat("\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest as JSON", e);
        }
    }

    /**
     * Reads a manifest's bytes.
     *
     * @throws IllegalArgumentException naming the first thing wrong when the bytes are not a manifest of this
     *     format
     */
    public static Manifest parse(byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!FORMAT.equals(text(root, "format", true))) {
            throw new IllegalArgumentException("format is " + root.get("format") + ", expected \"" + FORMAT + "\"");
        }
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw new IllegalArgumentException("'files' is missing or not a list");
        }
        List<FileDigest> list = new ArrayList<>();
        for (JsonNode f : files) {
            String sha = text(f, "sha256", true);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("file " + f.get("path") + ": sha256 is not 64 lowercase hex digits");
            }
            JsonNode size = f.get("size");
            if (size == null || !size.canConvertToLong()) {
                throw new IllegalArgumentException("file " + f.get("path") + ": size is missing or not a number");
            }
            list.add(new FileDigest(text(f, "path", true), sha, size.asLong()));
        }
        return new Manifest(text(root, "run_id", true), text(root, "rig_id", true), text(root, "created_utc", true),
                text(root, "previous_manifest_sha256", false), text(root, "signed_by", false), list);
    }

    private static String text(JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("'" + key + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' is " + v + ", not a string");
        }
        return v.asText();
    }
}
