-- production station (issue 14): units and every attempt at them; a unit's status is derived from its attempts
-- (UnitStatus), never stored, and no attempt is ever overwritten by the next one
-- a unit: its serial as scanned, the product it was first scanned as, when
CREATE TABLE units (
    serial         TEXT NOT NULL PRIMARY KEY,
    part_number    TEXT NOT NULL,
    revision       TEXT NOT NULL,
    first_seen_utc TEXT NOT NULL
);
-- an attempt, written when the scan is taken (verdict NULL: running) and completed when it ends; run_id is the
-- evidence folder's run (runs.run_id) and manifest_sha256 its sealed manifest's hash (NULL when nothing ran);
-- a station killed while attempts ran marks them ABORTED when it starts again
CREATE TABLE attempts (
    attempt_id      TEXT NOT NULL PRIMARY KEY,
    serial          TEXT NOT NULL REFERENCES units (serial),
    station         TEXT NOT NULL,
    socket          TEXT NOT NULL,
    operator        TEXT NOT NULL,
    part_number     TEXT NOT NULL,
    revision        TEXT NOT NULL,
    fixture         TEXT NOT NULL,
    profile_sha256  TEXT NOT NULL,
    started_utc     TEXT NOT NULL,
    ended_utc       TEXT,
    verdict         TEXT CHECK (verdict IN ('PASS', 'FAIL', 'INCONCLUSIVE', 'ABORTED', 'ERROR')),
    abort_reason    TEXT,
    why             TEXT,
    run_id          TEXT REFERENCES runs (run_id),
    evidence        TEXT,
    manifest_sha256 TEXT
);
CREATE INDEX attempts_by_unit ON attempts (serial, started_utc);
CREATE INDEX attempts_by_station ON attempts (station, verdict);
-- the board's VER fields as it reported them in the attempt (board, fw, proto, sn, build), in its order
CREATE TABLE attempt_board (
    attempt_id TEXT    NOT NULL REFERENCES attempts (attempt_id),
    seq        INTEGER NOT NULL,
    field      TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    PRIMARY KEY (attempt_id, seq)
);
