import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


def ping_command(host):
    return "ping -c 1 " + host


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # ruleid: py-tainted-command
    os.system(ping_command(host))
    # ok: py-tainted-command
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: py-tainted-command
    subprocess.run(["ping", "-c", "1", "localhost"], timeout=5)
    count = int(request.args.get("count", "1"))
    # ok: py-tainted-command
    os.system(f"ping -c {count} localhost")
    return "ok"


@app.route("/log", methods=["POST"])
def log():
    ref = request.form["ref"]
    # ruleid: py-tainted-command
    out = subprocess.check_output(["git", "log", "--oneline", ref])
    return out


def run_tool(args):
    # ruleid: py-tainted-command
    return subprocess.run(args, capture_output=True)


@app.route("/tool")
def tool():
    return run_tool(request.args.getlist("arg")).stdout
