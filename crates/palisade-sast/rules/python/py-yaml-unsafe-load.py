import yaml


def import_thresholds(data):
    # ruleid: py-yaml-unsafe-load
    return yaml.load(data, Loader=yaml.Loader)


def import_rules(data):
    # ruleid: py-yaml-unsafe-load
    return yaml.unsafe_load(data)


def import_config(path):
    with open(path) as f:
        # ok: py-yaml-unsafe-load
        return yaml.load(f, Loader=yaml.SafeLoader)


def import_more(text):
    # ok: py-yaml-unsafe-load
    return yaml.safe_load(text)
