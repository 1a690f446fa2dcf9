import hashlib


def hash_password(password, salt):
    # ruleid: py-weak-hash
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()


def legacy_token(data):
    # ruleid: py-weak-hash
    return hashlib.new("sha1", data).hexdigest()


def cache_key(url):
    # ok: py-weak-hash
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def digest(data):
    # ok: py-weak-hash
    return hashlib.sha256(data).hexdigest()
