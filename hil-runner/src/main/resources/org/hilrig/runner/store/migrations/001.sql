-- runs, scenario results, their requirements and measurements
CREATE TABLE runs (
    run_id       TEXT   NOT NULL PRIMARY KEY,
    rig          TEXT   NOT NULL,
    seed         BIGINT NOT NULL,
    defects      TEXT   NOT NULL,
    tool_version TEXT   NOT NULL,
    started_utc  TEXT   NOT NULL,
    ended_utc    TEXT
);
CREATE TABLE scenario_results (
    run_id       TEXT   NOT NULL REFERENCES runs (run_id),
    scenario_id  TEXT   NOT NULL,
    title        TEXT,
    file         TEXT,
    status       TEXT   NOT NULL,
    message      TEXT,
    trace_sha256 TEXT,
    simulated_ns BIGINT NOT NULL,
    PRIMARY KEY (run_id, scenario_id)
);
CREATE TABLE scenario_requirements (
    run_id         TEXT NOT NULL,
    scenario_id    TEXT NOT NULL,
    requirement_id TEXT NOT NULL,
    PRIMARY KEY (run_id, scenario_id, requirement_id),
    FOREIGN KEY (run_id, scenario_id) REFERENCES scenario_results (run_id, scenario_id)
);
CREATE TABLE measurements (
    run_id         TEXT    NOT NULL,
    scenario_id    TEXT    NOT NULL,
    seq            INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    value_ns       BIGINT  NOT NULL,
    uncertainty_ns BIGINT  NOT NULL,
    min_ns         BIGINT,
    max_ns         BIGINT,
    status         TEXT    NOT NULL,
    PRIMARY KEY (run_id, scenario_id, seq),
    FOREIGN KEY (run_id, scenario_id) REFERENCES scenario_results (run_id, scenario_id)
);
