-- rig identity per run, completion time and order of scenario results, indexes for history queries
ALTER TABLE runs ADD COLUMN rig_id TEXT;
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE scenario_results ADD COLUMN seq INTEGER;
ALTER TABLE scenario_results ADD COLUMN completed_utc TEXT;
UPDATE scenario_results SET seq = 0 WHERE seq IS NULL;
CREATE INDEX runs_by_start ON runs (started_utc, run_id);
CREATE INDEX scenario_results_by_scenario ON scenario_results (scenario_id);
CREATE INDEX scenario_requirements_by_requirement ON scenario_requirements (requirement_id);
CREATE INDEX measurements_by_name ON measurements (name);
