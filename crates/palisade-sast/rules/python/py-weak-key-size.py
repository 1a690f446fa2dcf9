from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, rsa
from OpenSSL import crypto


def make_signing_key():
    # ruleid: py-weak-key-size
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def make_strong_key():
    # ok: py-weak-key-size
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def legacy_dsa():
    # ruleid: py-weak-key-size
    return dsa.generate_private_key(key_size=1024)


def device_key():
    # ruleid: py-weak-key-size
    key = RSA.generate(512)
    # ok: py-weak-key-size
    other = RSA.generate(2048)
    return key, other


def self_signed():
    pkey = crypto.PKey()
    # ruleid: py-weak-key-size
    pkey.generate_key(crypto.TYPE_RSA, 1024)
    return pkey
