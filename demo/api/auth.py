"""Clinician login and session handling."""
import hashlib
import hmac
import secrets
import time

import settings

_sessions = {}


def hash_password(password, salt):
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()


def check_password(user_row, password):
    if user_row is None:
        return False
    candidate = hash_password(password, user_row["salt"])
    return hmac.compare_digest(user_row["password_hash"], candidate)


def check_break_glass(username, password):
    return username == settings.ADMIN_USER and hmac.compare_digest(password, settings.ADMIN_PASSWORD)


# [impl->dsn~session-expiry~1]
def issue_session(user_id):
    token = secrets.token_urlsafe(32)
    _sessions[token] = (user_id, time.time() + settings.SESSION_TTL_SECONDS)
    return token


def session_user(token):
    entry = _sessions.get(token)
    if entry is None or entry[1] < time.time():
        return None
    return entry[0]
