-- statistics over repeats per run and scenario; production lots, their units and their statistics; a run's unit seed
-- the emulated unit a run ran as (--unit-seed, --serial-number, a lot's unit); NULL for the nominal unit, real boards
-- and every run recorded before this version
ALTER TABLE runs ADD COLUMN unit_seed BIGINT;
CREATE INDEX runs_by_unit ON runs (unit_seed);
-- each measurement a scenario took more than once (repeat:), over its repeats; seq in the order first taken;
-- min_value/max_value the extremes, lower_limit/upper_limit the limits (NULL: none, or not the same each time),
-- cv NULL for a mean of 0, cpk NULL without limits or spread, outside how many repeats lay outside their limits
CREATE TABLE repeat_statistics (
    run_id      TEXT             NOT NULL,
    scenario_id TEXT             NOT NULL,
    seq         INTEGER          NOT NULL,
    name        TEXT             NOT NULL,
    unit        TEXT             NOT NULL,
    n           INTEGER          NOT NULL,
    mean        DOUBLE PRECISION NOT NULL,
    sd          DOUBLE PRECISION NOT NULL,
    cv          DOUBLE PRECISION,
    min_value   DOUBLE PRECISION NOT NULL,
    max_value   DOUBLE PRECISION NOT NULL,
    lower_limit DOUBLE PRECISION,
    upper_limit DOUBLE PRECISION,
    cpk         DOUBLE PRECISION,
    outside     INTEGER          NOT NULL,
    PRIMARY KEY (run_id, scenario_id, seq),
    FOREIGN KEY (run_id, scenario_id) REFERENCES scenario_results (run_id, scenario_id)
);
CREATE INDEX repeat_statistics_by_name ON repeat_statistics (name);
-- a production lot (hil run --units A-B): unit seeds first_unit to last_unit, the run seed, the defects its
-- defective units carry (comma-separated, empty for none) and their share in percent (NULL: every unit carries
-- them); ended_utc NULL until its statistics are in (a lot killed midway keeps the units it finished)
CREATE TABLE lots (
    lot_id          TEXT             NOT NULL PRIMARY KEY,
    first_unit      BIGINT           NOT NULL,
    last_unit       BIGINT           NOT NULL,
    seed            BIGINT           NOT NULL,
    defects         TEXT             NOT NULL,
    defective_share DOUBLE PRECISION,
    rig             TEXT             NOT NULL,
    rig_id          TEXT,
    tool_version    TEXT             NOT NULL,
    started_utc     TEXT             NOT NULL,
    ended_utc       TEXT
);
CREATE INDEX lots_by_start ON lots (started_utc, lot_id);
-- each unit of a lot: its run (runs.unit_seed is the same seed), whether it carried the lot's defects (1) or not (0)
CREATE TABLE lot_units (
    lot_id    TEXT    NOT NULL REFERENCES lots (lot_id),
    unit_seed BIGINT  NOT NULL,
    serial    TEXT,
    run_id    TEXT    NOT NULL REFERENCES runs (run_id),
    defective INTEGER NOT NULL CHECK (defective IN (0, 1)),
    PRIMARY KEY (lot_id, unit_seed)
);
CREATE INDEX lot_units_by_run ON lot_units (run_id);
-- each measurement of each scenario across the lot's units, the columns as in repeat_statistics; seq in lot.json's order
CREATE TABLE lot_statistics (
    lot_id      TEXT             NOT NULL REFERENCES lots (lot_id),
    seq         INTEGER          NOT NULL,
    scenario_id TEXT             NOT NULL,
    name        TEXT             NOT NULL,
    unit        TEXT             NOT NULL,
    n           INTEGER          NOT NULL,
    mean        DOUBLE PRECISION NOT NULL,
    sd          DOUBLE PRECISION NOT NULL,
    cv          DOUBLE PRECISION,
    min_value   DOUBLE PRECISION NOT NULL,
    max_value   DOUBLE PRECISION NOT NULL,
    lower_limit DOUBLE PRECISION,
    upper_limit DOUBLE PRECISION,
    cpk         DOUBLE PRECISION,
    outside     INTEGER          NOT NULL,
    PRIMARY KEY (lot_id, seq)
);
