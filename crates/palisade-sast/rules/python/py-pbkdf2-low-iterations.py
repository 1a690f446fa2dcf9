import hashlib
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC


def hash_password(password: str) -> bytes:
    salt = os.urandom(16)
    # ruleid: py-pbkdf2-low-iterations
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)


def hash_password_strong(password: str) -> bytes:
    salt = os.urandom(16)
    # ok: py-pbkdf2-low-iterations
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def derive_key(password: bytes, salt: bytes) -> bytes:
    # ruleid: py-pbkdf2-low-iterations
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10000)
    return kdf.derive(password)


def derive_key_strong(password: bytes, salt: bytes) -> bytes:
    # ok: py-pbkdf2-low-iterations
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=480000)
    return kdf.derive(password)
