-- quality (issue 15): an attempt's purpose, so that golden units, engineering and CI runs stay out of production figures
-- production (the default, and every attempt recorded before this version), golden (a known-good or known-bad
-- reference unit run to check the station), engineering (trying a suite, a fixture or a board out), ci (an automated
-- run of the station's own tests); aborted attempts need no purpose of their own: verdict ABORTED marks them
ALTER TABLE attempts ADD COLUMN purpose TEXT NOT NULL DEFAULT 'production'
    CHECK (purpose IN ('production', 'golden', 'engineering', 'ci'));
CREATE INDEX attempts_by_purpose ON attempts (purpose, started_utc);
