from vitals import Reading, early_warning_score


def reading(**overrides):
    values = dict(device_id="mon-0042", patient_id=17, hr=72, spo2=98, rr=14, temp=36.8, sbp=122)
    values.update(overrides)
    return Reading(**values)


def test_normal_observations_score_zero():
    assert early_warning_score(reading()) == 0


def test_low_saturation_and_fast_breathing_escalate():
    assert early_warning_score(reading(spo2=90, rr=26)) == 6


def test_from_json_coerces_types():
    r = Reading.from_json({"device_id": 42, "patient_id": "17", "hr": "88", "spo2": 97,
                           "rr": 16, "temp": "36.9", "sbp": 124})
    assert r.device_id == "42" and r.patient_id == 17 and r.temp == 36.9
