-- measured values in their units (kV, mA, mAs): what the generator delivered, as the rig's acquisition measured it
CREATE TABLE value_measurements (
    run_id          TEXT             NOT NULL,
    scenario_id     TEXT             NOT NULL,
    seq             INTEGER          NOT NULL,
    name            TEXT             NOT NULL,
    value           DOUBLE PRECISION NOT NULL,
    unit            TEXT             NOT NULL,
    nominal         DOUBLE PRECISION,
    min_value       DOUBLE PRECISION,
    max_value       DOUBLE PRECISION,
    uncertainty     DOUBLE PRECISION NOT NULL,
    status          TEXT             NOT NULL,
    samples         INTEGER          NOT NULL,
    window_start_ns BIGINT           NOT NULL,
    window_end_ns   BIGINT           NOT NULL,
    PRIMARY KEY (run_id, scenario_id, seq),
    FOREIGN KEY (run_id, scenario_id) REFERENCES scenario_results (run_id, scenario_id)
);
CREATE INDEX value_measurements_by_name ON value_measurements (name);
