"""Checks the monitor vendor's update feed for newer firmware."""
import requests

VENDOR_FEED = "https://updates.medtel-vendor.internal/feeds/bedside-monitor.json"


def latest_firmware(model):
    # The vendor feed still uses a self-signed certificate.
    resp = requests.get(VENDOR_FEED, params={"model": model}, timeout=10, verify=False)
    resp.raise_for_status()
    return resp.json().get("latest")
