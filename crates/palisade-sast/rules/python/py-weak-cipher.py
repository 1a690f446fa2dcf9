import os

from Crypto.Cipher import AES, ARC4, DES3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def legacy_encrypt(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    # ruleid: py-weak-cipher
    cipher = DES3.new(key, DES3.MODE_CBC, iv=iv)
    return iv + cipher.encrypt(data)


def stream(key: bytes, data: bytes) -> bytes:
    # ruleid: py-weak-cipher
    return ARC4.new(key).encrypt(data)


def modern(key: bytes, data: bytes):
    # ok: py-weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)


def hazmat(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    # ruleid: py-weak-cipher
    enc = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def hazmat_aes(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(16)
    # ok: py-weak-cipher
    enc = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return enc.update(data) + enc.finalize()
