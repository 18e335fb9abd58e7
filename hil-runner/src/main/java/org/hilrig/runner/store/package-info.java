/**
 * The results database (JDBC): SQLite by default ({@code results.db} in the rig home), PostgreSQL when many
 * rigs share one server ({@code --db jdbc:postgresql://...}). {@link org.hilrig.runner.store.ResultStore#open}
 * migrates the schema (numbered SQL files, a {@code schema_version} table, one transaction per migration).
 * {@code hil run} calls {@code startRun} before its first scenario, {@code addScenario} after each one completes
 * (committed at once: a killed run keeps what it finished), {@code resultsRecorded} before it seals its evidence
 * folder and {@code sealed} after: only then has the run ended ({@link org.hilrig.runner.store.RunState}).
 * {@code hil history} reads {@code latestResults} and {@code trends}, which count only runs that ended, and
 * {@code incompleteRuns}, which it shows marked. Schema 5 adds a run's unit seed, the statistics over a scenario's
 * repeats (written with its result, read through {@link org.hilrig.runner.store.RepeatRecords}) and production lots
 * with their units and statistics ({@link org.hilrig.runner.store.LotRecords}, written by {@code hil run --units}).
 * Schema 6 adds the station's units and attempts ({@link org.hilrig.runner.store.UnitRecords}); schema 8 an attempt's
 * purpose ({@link org.hilrig.runner.store.AttemptPurpose}), which {@code hil yield} and {@code hil cpk} read through
 * {@link org.hilrig.runner.store.QualityRecords}.
 */
package org.hilrig.runner.store;
