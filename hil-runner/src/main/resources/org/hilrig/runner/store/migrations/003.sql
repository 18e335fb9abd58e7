-- run state: a run has ended only once its evidence folder is sealed; the sealed manifest's hash
ALTER TABLE runs ADD COLUMN state TEXT NOT NULL DEFAULT 'running';
ALTER TABLE runs ADD COLUMN manifest_sha256 TEXT;
-- a run that ended before this version recorded its end before its seal: counted as before, seal not known
UPDATE runs SET state = 'ended' WHERE ended_utc IS NOT NULL;
CREATE INDEX runs_by_state ON runs (state);
