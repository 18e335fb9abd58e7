-- production station (issue 14): profile revisions, retest policies, reworks, station accounts and the audit trail
-- a product's board profile, one row a revision: number 1, 2, ... per part number; profile_text the file's bytes as
-- released (UTF-8), profile_sha256 their hash; source the file it came from (an upload's name, a path, or the
-- station file's profile); released_by a user name, or 'station-file' for the revision made from the station file
CREATE TABLE profile_revisions (
    revision_id    TEXT    NOT NULL PRIMARY KEY,
    part_number    TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    profile_sha256 TEXT    NOT NULL,
    profile_text   TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    released_by    TEXT    NOT NULL,
    released_utc   TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    UNIQUE (part_number, number)
);
-- the exact profile revision an attempt ran against (NULL for attempts recorded before this version)
ALTER TABLE attempts ADD COLUMN profile_revision TEXT REFERENCES profile_revisions (revision_id);
-- a product's retest policy, one row a change (number 1 from the station file, by 'station-file')
CREATE TABLE retest_policies (
    part_number       TEXT    NOT NULL,
    number            INTEGER NOT NULL,
    max_attempts      INTEGER NOT NULL CHECK (max_attempts >= 1),
    rework_after_fail INTEGER NOT NULL CHECK (rework_after_fail IN (0, 1)),
    changed_by        TEXT    NOT NULL,
    changed_utc       TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    PRIMARY KEY (part_number, number)
);
-- a rework step recorded on a unit after its failed attempt after_attempt: who, when, what was done
CREATE TABLE reworks (
    rework_id     TEXT NOT NULL PRIMARY KEY,
    serial        TEXT NOT NULL REFERENCES units (serial),
    after_attempt TEXT NOT NULL REFERENCES attempts (attempt_id),
    station       TEXT NOT NULL,
    operator      TEXT NOT NULL,
    recorded_utc  TEXT NOT NULL,
    note          TEXT NOT NULL
);
CREATE INDEX reworks_by_unit ON reworks (serial, recorded_utc);
-- who may log in at a station: seeded from the station file's operators (created_by 'station-file'), then kept
-- by its admins; password_hash a PBKDF2 hash (never the password), disabled 1 when they may no longer log in
CREATE TABLE station_users (
    station       TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('operator', 'engineer', 'admin')),
    password_hash TEXT    NOT NULL,
    disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
    created_by    TEXT    NOT NULL,
    created_utc   TEXT    NOT NULL,
    changed_utc   TEXT    NOT NULL,
    PRIMARY KEY (station, name)
);
-- who did what at a station, one row an action, never changed: seq orders the station's rows
CREATE TABLE audit (
    station TEXT    NOT NULL,
    seq     BIGINT  NOT NULL,
    who     TEXT    NOT NULL,
    at_utc  TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    details TEXT    NOT NULL,
    PRIMARY KEY (station, seq)
);
