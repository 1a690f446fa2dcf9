import os

import psycopg2
import redis
import requests
from django.contrib.auth.models import User
from django.test import TestCase

# ruleid: py-hardcoded-credential
STRIPE_API_KEY = "sk_live_51HqLm2eZvKYlo2C0aB3dEf"
# ok: py-hardcoded-credential
GITHUB_TOKEN_ENV = "GITHUB_TOKEN"
# ok: py-hardcoded-credential
SENTRY_API_KEY = os.environ.get("SENTRY_API_KEY", "")
# ok: py-hardcoded-credential
DEFAULT_PASSWORD = ""


def create_app():
    from flask import Flask

    app = Flask(__name__)
    # ruleid: py-hardcoded-credential
    app.config["SECRET_KEY"] = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    # ok: py-hardcoded-credential
    app.config["SECRET_KEY_FALLBACKS"] = []
    # ok: py-hardcoded-credential
    app.config["MAIL_PASSWORD"] = os.environ.get("MAIL_PASSWORD")
    return app


def connect():
    return psycopg2.connect(
        host="db.internal",
        user="billing",
        # ruleid: py-hardcoded-credential
        password="Tr0ub4dor&3",
    )


def connect_env():
    return psycopg2.connect(
        host="db.internal",
        user="billing",
        # ok: py-hardcoded-credential
        password=os.environ["DB_PASSWORD"],
    )


def cache():
    # ok: py-hardcoded-credential
    return redis.Redis(host="cache", password="<redis-password>")


class Client:
    def __init__(self):
        # ruleid: py-hardcoded-credential
        self.client_secret = "a8f5f167f44f4964e6c998dee827110c"
        # ok: py-hardcoded-credential
        self.password_field = "password"

    def fetch(self, url):
        return requests.get(url, headers={"X-Client": "billing"}, timeout=10)


class LoginTests(TestCase):
    def setUp(self):
        # ok: py-hardcoded-credential
        self.user = User.objects.create_user("ada", password="qwerty-123")

    def test_login(self):
        # ok: py-hardcoded-credential
        self.assertTrue(self.client.login(username="ada", password="qwerty-123"))


def redact(url_user: str) -> str:
    # ok: py-hardcoded-credential
    password = ":****"
    return url_user + password
