import requests
from flask import Flask, request

app = Flask(__name__)
PARTNERS = {"acme": "https://api.acme.example/v1/status"}


@app.route("/preview")
def preview():
    url = request.args["url"]
    # ruleid: py-tainted-url
    page = requests.get(url, timeout=5)
    return page.text


@app.route("/partner")
def partner():
    key = request.args.get("partner", "acme")
    # ok: py-tainted-url
    status = requests.get(PARTNERS["acme"], params={"q": key}, timeout=5)
    return status.text


@app.route("/hook", methods=["POST"])
def hook():
    body = request.get_json()
    callback = f"{body['callback']}/notify"
    # ruleid: py-tainted-url
    requests.post(callback, json={"ok": True}, timeout=5)
    # ok: py-tainted-url
    requests.post("https://hooks.example.com/notify", json=body, timeout=5)
    return "", 204
