import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB, GCM


def encrypt_card(key: bytes, number: bytes) -> bytes:
    # ruleid: py-cipher-ecb-mode
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(number.ljust(16, b"\0"))


def encrypt_token(key: bytes, token: bytes) -> bytes:
    # ruleid: py-cipher-ecb-mode
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(token) + enc.finalize()


def encrypt_blob(key: bytes, blob: bytes) -> bytes:
    # ruleid: py-cipher-ecb-mode
    enc = Cipher(algorithms.AES(key), ECB()).encryptor()
    return enc.update(blob) + enc.finalize()


def encrypt_gcm(key: bytes, data: bytes):
    nonce = os.urandom(12)
    # ok: py-cipher-ecb-mode
    enc = Cipher(algorithms.AES(key), GCM(nonce)).encryptor()
    # ok: py-cipher-ecb-mode
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    return enc, cipher


def _wrap_core(wrapping_key: bytes, block: bytes) -> bytes:
    # AES key wrap (RFC 3394) applies the raw block cipher to single blocks
    # ok: py-cipher-ecb-mode
    encryptor = Cipher(algorithms.AES(wrapping_key), ECB()).encryptor()
    return encryptor.update(block) + encryptor.finalize()
