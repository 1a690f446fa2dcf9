"""Vital-sign readings and a simplified NEWS2 early-warning score."""
from dataclasses import dataclass


@dataclass
class Reading:
    device_id: str
    patient_id: int
    hr: int
    spo2: int
    rr: int
    temp: float
    sbp: int

    @classmethod
    def from_json(cls, data):
        return cls(
            device_id=str(data["device_id"]),
            patient_id=int(data["patient_id"]),
            hr=int(data["hr"]),
            spo2=int(data["spo2"]),
            rr=int(data["rr"]),
            temp=float(data["temp"]),
            sbp=int(data["sbp"]),
        )


def _band(value, bands):
    for upper, points in bands:
        if value <= upper:
            return points
    return bands[-1][1]


def early_warning_score(r):
    score = 0
    score += _band(r.rr, [(8, 3), (11, 1), (20, 0), (24, 2), (999, 3)])
    score += _band(r.spo2, [(91, 3), (93, 2), (95, 1), (100, 0)])
    score += _band(r.temp, [(35.0, 3), (36.0, 1), (38.0, 0), (39.0, 1), (99.0, 2)])
    score += _band(r.sbp, [(90, 3), (100, 2), (110, 1), (219, 0), (999, 3)])
    score += _band(r.hr, [(40, 3), (50, 1), (90, 0), (110, 1), (130, 2), (999, 3)])
    return score
