import json
import pickle
import shelve


def read_batch(request):
    # ruleid: py-pickle-load
    return pickle.loads(request.get_data())


def read_cache(path):
    with open(path, "rb") as f:
        # ruleid: py-pickle-load
        return pickle.load(f)


def write_cache(path, value):
    with open(path, "wb") as f:
        # ok: py-pickle-load
        pickle.dump(value, f)


def read_settings(text):
    # ok: py-pickle-load
    return json.loads(text)


def sessions():
    # ruleid: py-pickle-load
    return shelve.open("/var/cache/sessions")
