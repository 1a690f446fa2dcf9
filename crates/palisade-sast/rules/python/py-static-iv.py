import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt(key: bytes, data: bytes) -> bytes:
    # ruleid: py-static-iv
    cipher = AES.new(key, AES.MODE_CBC, iv=b"0123456789abcdef")
    return cipher.encrypt(data)


def encrypt_ctr(key: bytes, data: bytes) -> bytes:
    # ruleid: py-static-iv
    cipher = AES.new(key, AES.MODE_CTR, nonce=bytes(8))
    return cipher.encrypt(data)


def encrypt_hazmat(key: bytes, data: bytes) -> bytes:
    # ruleid: py-static-iv
    enc = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16)).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt_random(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(16)
    # ok: py-static-iv
    cipher = AES.new(key, AES.MODE_CBC, iv=iv)
    # ok: py-static-iv
    enc = Cipher(algorithms.AES(key), modes.GCM(os.urandom(12))).encryptor()
    return iv + cipher.encrypt(data) + enc.finalize()


def parse_encodings(modes: str):
    # ok: py-static-iv
    return [m.strip() for m in modes.split(",")]
