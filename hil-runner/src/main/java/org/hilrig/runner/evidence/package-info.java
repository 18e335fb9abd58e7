/**
 * Evidence: the integrity of a run's output folder. {@link org.hilrig.runner.evidence.EvidenceFolder} is the
 * writer's side: {@code create(dir)} makes the folder atomically with an {@code INCOMPLETE} marker, files go in
 * by temp file and rename ({@code write}, {@code copy}, or directly into {@code dir()}), and {@code seal(home,
 * runId)} writes {@code manifest.json} (SHA-256 of every file, chained to the rig's previous manifest),
 * {@code manifest.sig} (Ed25519, when the rig has a key), appends to the rig's chain log and removes the
 * marker last. {@code hil run} ({@code org.hilrig.runner.run.RunEvidence}) creates the folder before anything
 * runs and calls, at its end: {@code RunIdentity.capture(...)} then {@code folder.write("identity.json",
 * identity.toJson())}, the report ({@code org.hilrig.runner.report}), and {@code seal}. {@link org.hilrig.runner.evidence.EvidenceVerifier} is the checker's side ({@code hil verify}):
 * it names every changed, added or missing file, a broken chain, a bad signature, and an incomplete folder.
 * The rig's state (key, chain log, default database) lives in {@link org.hilrig.runner.evidence.RigHome}.
 */
package org.hilrig.runner.evidence;
