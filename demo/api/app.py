"""vitals-gateway HTTP API.

Bedside monitors POST readings to /telemetry; the clinician dashboard reads
them back through /patients and manages alert rules through /admin.
"""
import pickle
import subprocess

import yaml
from flask import Flask, abort, jsonify, request

import auth
import db
import firmware
import notify
import settings
from vitals import Reading, early_warning_score

app = Flask(__name__)


def require_session():
    token = request.headers.get("Authorization", "").replace("Bearer ", "", 1)
    user = auth.session_user(token)
    if user is None:
        abort(401)
    return user


def record(conn, reading, ward="unknown"):
    score = early_warning_score(reading)
    db.insert_reading(conn, reading, score)
    if score >= settings.ESCALATION_SCORE:
        notify.page_on_call(reading.patient_id, ward, score)
    return score


@app.route("/healthz")
def healthz():
    return "ok"


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json(force=True)
    username, password = body.get("username", ""), body.get("password", "")
    if auth.check_break_glass(username, password):
        return jsonify(token=auth.issue_session(0))
    conn = db.connect()
    user = db.find_user(conn, username)
    if not auth.check_password(user, password):
        abort(403)
    return jsonify(token=auth.issue_session(user["id"]))


@app.route("/telemetry", methods=["POST"])
def telemetry():
    reading = Reading.from_json(request.get_json(force=True))
    return jsonify(score=record(db.connect(), reading))


@app.route("/telemetry/batch", methods=["POST"])
def telemetry_batch():
    # Legacy ward gateways (firmware < 3.0) upload pickled batches.
    readings = pickle.loads(request.get_data())
    conn = db.connect()
    scores = [record(conn, r) for r in readings[: settings.MAX_BATCH_READINGS]]
    return jsonify(accepted=len(scores))


@app.route("/patients")
def patients():
    require_session()
    return jsonify(db.find_patients(db.connect(), request.args.get("q", "")))


@app.route("/patients/<int:patient_id>/readings")
def patient_readings(patient_id):
    require_session()
    return jsonify(db.latest_readings(db.connect(), patient_id))


@app.route("/alert-rules")
def alert_rules():
    require_session()
    return jsonify(db.alert_rules(db.connect()))


@app.route("/devices/<device_id>/ping")
def ping_device(device_id):
    require_session()
    host = request.args.get("host", device_id)
    out = subprocess.check_output("ping -c 1 -W 2 " + host, shell=True)
    return jsonify(device=device_id, reachable=b" 0% packet loss" in out)


@app.route("/devices/<model>/firmware")
def device_firmware(model):
    require_session()
    return jsonify(model=model, latest=firmware.latest_firmware(model))


@app.route("/admin/thresholds", methods=["POST"])
def import_thresholds():
    require_session()
    thresholds = yaml.load(request.get_data(), Loader=yaml.Loader)
    db.save_thresholds(db.connect(), thresholds)
    return jsonify(imported=len(thresholds))


if __name__ == "__main__":
    app.run(port=8080, debug=True)
