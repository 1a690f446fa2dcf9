from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)
# ruleid: py-cors-credentials-any-origin
CORS(app, supports_credentials=True)

admin = Flask("admin")
# ruleid: py-cors-credentials-any-origin
CORS(admin, origins="*", supports_credentials=True)

public = Flask("public")
# ok: py-cors-credentials-any-origin
CORS(public)

partner = Flask("partner")
# ok: py-cors-credentials-any-origin
CORS(partner, origins=["https://partner.example.com"], supports_credentials=True)


@app.route("/me")
# ruleid: py-cors-credentials-any-origin
@cross_origin(supports_credentials=True)
def me():
    return {"user": "x"}


api = FastAPI()
# ruleid: py-cors-credentials-any-origin
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])

other = FastAPI()
# ok: py-cors-credentials-any-origin
other.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)

CORS_ALLOW_CREDENTIALS = True
# ruleid: py-cors-credentials-any-origin
CORS_ALLOW_ALL_ORIGINS = True


def build_app():
    from starlette.applications import Starlette
    from starlette.middleware import Middleware

    return Starlette(
        middleware=[
            # ruleid: py-cors-credentials-any-origin
            Middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True),
        ]
    )
