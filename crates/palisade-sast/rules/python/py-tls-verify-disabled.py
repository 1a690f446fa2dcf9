import ssl

import httpx
import requests


def latest_firmware(url, model):
    # ruleid: py-tls-verify-disabled
    resp = requests.get(url, params={"model": model}, timeout=10, verify=False)
    # ok: py-tls-verify-disabled
    resp = requests.get(url, params={"model": model}, timeout=10, verify="/etc/ssl/vendor.pem")
    return resp


def client():
    # ruleid: py-tls-verify-disabled
    return httpx.Client(verify=False)


def context():
    ctx = ssl.create_default_context()
    # ruleid: py-tls-verify-disabled
    ctx.check_hostname = False
    # ruleid: py-tls-verify-disabled
    ctx.verify_mode = ssl.CERT_NONE
    # ok: py-tls-verify-disabled
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
