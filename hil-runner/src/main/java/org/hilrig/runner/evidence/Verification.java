package org.hilrig.runner.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of verifying one evidence folder.
 *
 * @param manifest the folder's manifest, or null when it has none or it is unreadable
 * @param manifestSha256 SHA-256 of {@code manifest.json}'s bytes, or null without one
 * @param findings every problem, warning and note, in the order found
 */
public record Verification(Path dir, Manifest manifest, String manifestSha256, List<Finding> findings) {
    public Verification {
        findings = List.copyOf(findings);
    }

    /** True when no finding is a problem (warnings such as "unsigned, no key at hand" and notes are allowed). */
    public boolean intact() {
        return findings.stream().noneMatch(Finding::problem);
    }

    /** How many findings have {@code severity}. */
    public long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean has(Finding.Kind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }
}
