from flask import Flask, make_response

app = Flask(__name__)
# ruleid: py-cookie-insecure-flags
app.config["SESSION_COOKIE_SECURE"] = False
# ok: py-cookie-insecure-flags
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

# ruleid: py-cookie-insecure-flags
SESSION_COOKIE_SECURE = False
# ok: py-cookie-insecure-flags
CSRF_COOKIE_SECURE = True
# ok: py-cookie-insecure-flags
USE_TZ = False


@app.route("/login")
def login():
    resp = make_response("ok")
    # ruleid: py-cookie-insecure-flags
    resp.set_cookie("session_id", new_session(), secure=False, httponly=True)
    # ok: py-cookie-insecure-flags
    resp.set_cookie("sid", new_session(), secure=True, httponly=True, samesite="Lax")
    # ok: py-cookie-insecure-flags
    resp.set_cookie("theme", "dark")
    return resp


def new_session() -> str:
    import secrets

    return secrets.token_urlsafe(32)
