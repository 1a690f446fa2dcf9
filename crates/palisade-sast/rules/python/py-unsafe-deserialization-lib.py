import json

import jsonpickle
import joblib
import numpy as np
import pandas as pd
import torch


def restore_session(blob: str):
    # ruleid: py-unsafe-deserialization-lib
    return jsonpickle.decode(blob)


def save_session(obj) -> str:
    # ok: py-unsafe-deserialization-lib
    return jsonpickle.encode(obj)


def load_frame(path):
    # ruleid: py-unsafe-deserialization-lib
    frame = pd.read_pickle(path)
    # ok: py-unsafe-deserialization-lib
    other = pd.read_parquet(path + ".parquet")
    return frame, other


def load_model(path):
    # ruleid: py-unsafe-deserialization-lib
    model = torch.load(path, map_location="cpu")
    # ok: py-unsafe-deserialization-lib
    weights = torch.load(path, map_location="cpu", weights_only=True)
    # ruleid: py-unsafe-deserialization-lib
    clf = joblib.load("/models/classifier.joblib")
    return model, weights, clf


def load_arrays(path):
    # ruleid: py-unsafe-deserialization-lib
    objs = np.load(path, allow_pickle=True)
    # ok: py-unsafe-deserialization-lib
    arr = np.load(path)
    # ok: py-unsafe-deserialization-lib
    meta = json.load(open(path + ".json"))
    return objs, arr, meta
