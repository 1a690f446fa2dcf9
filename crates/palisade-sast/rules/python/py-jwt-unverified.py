import jwt
from django.conf import settings


def current_user_id(token: str) -> int:
    # ruleid: py-jwt-unverified
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def legacy_claims(token: str):
    # ruleid: py-jwt-unverified
    return jwt.decode(token, settings.JWT_KEY, algorithms=["none", "HS256"])


def old_api(token: str):
    # ruleid: py-jwt-unverified
    return jwt.decode(token, verify=False)


def verified_claims(token: str):
    # ok: py-jwt-unverified
    return jwt.decode(token, settings.JWT_KEY, algorithms=["HS256"], audience="billing")


def key_id(token: str) -> str:
    # ok: py-jwt-unverified
    return jwt.get_unverified_header(token)["kid"]


def issue(user_id: int) -> str:
    # ok: py-jwt-unverified
    return jwt.encode({"sub": user_id}, settings.JWT_KEY, algorithm="HS256")
