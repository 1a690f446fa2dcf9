"""Thin data-access layer over psycopg2."""
import os

import psycopg2
import psycopg2.extras

import settings


# [impl->dsn~db-credentials-from-secret~1]
def connect():
    if os.environ.get("DB_HOST"):
        # Kubernetes injects discrete settings from the vitals-db secret.
        password = os.environ["DB_PASSWORD"]
        return psycopg2.connect(
            host=os.environ["DB_HOST"],
            dbname="vitals",
            user="vitals",
            password=password,
        )
    return psycopg2.connect(settings.DATABASE_URL)


def _cursor(conn):
    return conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor)


def find_user(conn, username):
    with _cursor(conn) as cur:
        cur.execute("SELECT id, username, password_hash, salt FROM users WHERE username = %s", (username,))
        return cur.fetchone()


def find_patients(conn, name):
    with _cursor(conn) as cur:
        cur.execute(f"SELECT id, mrn, full_name, ward FROM patients WHERE full_name ILIKE '%{name}%'")
        return cur.fetchall()


def insert_reading(conn, reading, score):
    with _cursor(conn) as cur:
        cur.execute(
            "INSERT INTO readings (device_id, patient_id, hr, spo2, rr, temp, sbp, score)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (reading.device_id, reading.patient_id, reading.hr, reading.spo2,
             reading.rr, reading.temp, reading.sbp, score),
        )
    conn.commit()


def latest_readings(conn, patient_id, limit=50):
    with _cursor(conn) as cur:
        cur.execute(
            "SELECT * FROM readings WHERE patient_id = %s ORDER BY recorded_at DESC LIMIT %s",
            (patient_id, limit),
        )
        return cur.fetchall()


def alert_rules(conn):
    with _cursor(conn) as cur:
        cur.execute("SELECT id, expression FROM alert_rules ORDER BY id")
        return cur.fetchall()


def save_thresholds(conn, thresholds):
    with _cursor(conn) as cur:
        for name, expression in thresholds.items():
            cur.execute(
                "INSERT INTO alert_rules (id, expression) VALUES (%s, %s)"
                " ON CONFLICT (id) DO UPDATE SET expression = EXCLUDED.expression",
                (name, expression),
            )
    conn.commit()
