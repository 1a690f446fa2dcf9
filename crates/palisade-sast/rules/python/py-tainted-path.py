import os

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
REPORTS = "/srv/reports"


@app.route("/report")
def report():
    name = request.args.get("name")
    path = os.path.join(REPORTS, name)
    # ruleid: py-tainted-path
    return send_file(path)


@app.route("/report2")
def report2():
    name = request.args.get("name")
    # ok: py-tainted-path
    return send_from_directory(REPORTS, name)


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    safe = secure_filename(f.filename)
    # ok: py-tainted-path
    with open(os.path.join(REPORTS, safe), "wb") as out:
        out.write(f.read())
    # ruleid: py-tainted-path
    with open(os.path.join(REPORTS, f.filename), "wb") as out:
        out.write(b"")
    return "ok"
