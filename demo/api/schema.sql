CREATE TABLE IF NOT EXISTS users (
    id            SERIAL PRIMARY KEY,
    username      TEXT UNIQUE NOT NULL,
    password_hash TEXT NOT NULL,
    salt          TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS patients (
    id        SERIAL PRIMARY KEY,
    mrn       TEXT UNIQUE NOT NULL,
    full_name TEXT NOT NULL,
    ward      TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS readings (
    id          BIGSERIAL PRIMARY KEY,
    device_id   TEXT NOT NULL,
    patient_id  INTEGER NOT NULL REFERENCES patients (id),
    hr          INTEGER,
    spo2        INTEGER,
    rr          INTEGER,
    temp        REAL,
    sbp         INTEGER,
    score       INTEGER NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS alert_rules (
    id         TEXT PRIMARY KEY,
    expression TEXT NOT NULL
);
