from flask import Flask
from flask_wtf import FlaskForm
from wtforms import StringField


class Config:
    SECRET_KEY_FILE = "/run/secrets/flask_key"
    # ruleid: py-csrf-protection-disabled
    WTF_CSRF_ENABLED = False


class TestConfig(Config):
    TESTING = True
    # ok: py-csrf-protection-disabled
    WTF_CSRF_ENABLED = False


def create_app():
    app = Flask(__name__)
    # ruleid: py-csrf-protection-disabled
    app.config["WTF_CSRF_ENABLED"] = False
    # ok: py-csrf-protection-disabled
    app.config["WTF_CSRF_TIME_LIMIT"] = 3600
    return app


class TransferForm(FlaskForm):
    class Meta:
        # ruleid: py-csrf-protection-disabled
        csrf = False

    amount = StringField("Amount")


class SearchForm(FlaskForm):
    class Meta:
        # ok: py-csrf-protection-disabled
        csrf = True

    q = StringField("Search")
