import os
import requests

WEBHOOK = os.getenv("SLACK_WEBHOOK", "https://hooks.slack.com/services/T000/B000/XXXX")


def notify(text):
    requests.post(WEBHOOK, json={"text": text}, timeout=5)
