"""Outbound notifications: Slack for the on-call channel, email via SendGrid."""
import os

import requests

SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/T0PALISADE/B0DEMODEMO/bVAP7I9v0tNxPQET4RxqmWm4"
SENDGRID_API_KEY = os.environ.get("SENDGRID_API_KEY", "")


def page_on_call(patient_id, ward, score):
    text = f":rotating_light: Patient {patient_id} on {ward} has early-warning score {score}"
    requests.post(SLACK_WEBHOOK_URL, json={"text": text}, timeout=5)


def email_report(recipient, subject, body):
    if not SENDGRID_API_KEY:
        return
    requests.post(
        "https://api.sendgrid.com/v3/mail/send",
        headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"},
        json={
            "personalizations": [{"to": [{"email": recipient}]}],
            "from": {"email": "alerts@vitals-gateway.internal"},
            "subject": subject,
            "content": [{"type": "text/plain", "value": body}],
        },
        timeout=10,
    )
