/**
 * Evidence: the integrity of a run's output folder. {@link org.hilrig.runner.evidence.EvidenceFolder} is the
 * writer's side: {@code create(dir)} makes the folder atomically with an {@code INCOMPLETE} marker, files go in
 * by temp file and rename ({@code write}, {@code copy}, or directly into {@code dir()}), and {@code seal(home,
 * runId)} writes {@code manifest.json} (SHA-256 of every file, chained to the rig's previous manifest),
 * {@code manifest.sig} (Ed25519, when the rig has a key), appends to the rig's chain log and removes the
 * marker last. {@code hil run} ({@code org.hilrig.runner.run.RunEvidence}) creates the folder before anything
 * runs and calls, at its end: {@code RunIdentity.capture(...)} then {@code folder.write("identity.json",
 * identity.toJson())}, the report ({@code org.hilrig.runner.report}), and {@code seal}; the results database
 * records the run as ended only after the seal. {@link org.hilrig.runner.evidence.EvidenceVerifier} is the
 * checker's side ({@code hil verify}). The rig's state (key, chain log, default database) lives in
 * {@link org.hilrig.runner.evidence.RigHome}.
 *
 * <h2>Threat model</h2>
 *
 * <p><b>Who verifies.</b> A quality or regulatory auditor who was handed folders and, out of band, the rig's
 * public key ({@code hil verify DIR... --key RIG.pub}, optionally {@code --rig-home} a copy of the rig home's
 * {@code rig-id}, {@code rig-key.pub} and {@code chain.log}); and the rig's owner on the rig itself
 * ({@code hil verify DIR...}, the rig home holding key and chain log). The adversary can change, add, remove,
 * copy and rewrite any file of any folder, re-hash manifests, sign with keys of their own, and edit the chain
 * log; they do not hold the rig's private key. The rig home is the rig's root of trust: whoever can replace
 * its public key can vouch for anything on that rig, which is why an auditor brings the key themselves.
 *
 * <p><b>What a folder must prove, and how.</b>
 * <ol>
 * <li>It was produced by this rig: {@code manifest.sig} verifies over the manifest's exact bytes with a trusted
 *     key (the {@code --key} given, else the rig home's current or retired keys). Where a key is trusted, an
 *     unsigned manifest, a signature by any other key, or one that does not verify, fails. Where no key is at
 *     hand, nothing can prove origin: verification warns, it never says "proven".
 * <li>Nothing changed since it was sealed: every file's SHA-256 and size match the manifest, and the manifest
 *     is covered by the signature (re-hashing a manifest breaks it).
 * <li>Nothing was added or removed: every listed file is there and every file there is listed.
 * <li>Its claims are bound: {@code run_id}, {@code rig_id}, {@code created_utc}, {@code signed_by} and
 *     {@code previous_manifest_sha256} are in the signed bytes; {@code rig_id} must be the trusted key's rig
 *     where that is known (the rig home's keys are its rig's); {@code signed_by} must be the signing key.
 * <li>Its place in the rig's chain, so a deleted, reordered or replaced run is found: on the rig (or with its
 *     chain log) the manifest's hash must be in {@code chain.log} with the same run and seal time, directly
 *     after the manifest it names as previous; folders verified together must each follow the one sealed
 *     before it on the same rig, and no two may be the same run.
 * </ol>
 *
 * <p><b>Limits.</b> Deleting the newest run together with its chain log entry leaves nothing to compare on
 * the rig itself: the results database (which records each sealed manifest's hash) or an auditor's earlier
 * copy of the chain log shows it. A folder of another genuine run of the same rig verifies on its own; put in
 * place of a run, it is found when verified with its neighbours or against the chain log's run ids.
 */
package org.hilrig.runner.evidence;
