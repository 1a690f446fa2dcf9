import hashlib
import hmac

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_KEY = b"loaded-at-startup"


@app.route("/webhook", methods=["POST"])
def webhook():
    expected = hmac.new(WEBHOOK_KEY, request.get_data(), hashlib.sha256).hexdigest()
    signature = request.headers.get("X-Signature", "")
    # ruleid: py-signature-compare-timing
    if signature != expected:
        abort(403)
    # ok: py-signature-compare-timing
    if not hmac.compare_digest(expected, signature):
        abort(403)
    # ok: py-signature-compare-timing
    if signature == "":
        abort(400)
    return "ok"


def verify(body: bytes, given_mac: str) -> bool:
    # ruleid: py-signature-compare-timing
    return hmac.new(WEBHOOK_KEY, body, hashlib.sha256).hexdigest() == given_mac


def same_file(a: bytes, b: bytes) -> bool:
    # ok: py-signature-compare-timing
    return hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest()


class KeyUsage:
    def __init__(self, digital_signature: bool):
        self.digital_signature = digital_signature

    def __eq__(self, other):
        # ok: py-signature-compare-timing
        return self.digital_signature == other.digital_signature


SIG_RSA = "rsa-sha2-256"


def algorithm(sig_type: str, header) -> str:
    # ok: py-signature-compare-timing
    if sig_type == SIG_RSA:
        return "rsa"
    # ok: py-signature-compare-timing
    return "arm" if header.e_machine == header.EM_ARM else "x86"


def check_kms(mac: bytes, regenerated_mac: bytes) -> None:
    # ruleid: py-signature-compare-timing
    if mac != regenerated_mac:
        raise ValueError("bad mac")


def verify_download(digest: str, actual: str) -> None:
    # ok: py-signature-compare-timing
    if digest != actual:
        raise ValueError("checksum mismatch")
