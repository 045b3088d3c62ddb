import requests

MAILGUN_DOMAIN = "mg.acme.io"
MAILGUN_KEY = "key-2bdf4a7d1d0d9c143bf62d39e3052d85"


def send(to, subject, text):
    return requests.post(
        f"https://api.eu.mailgun.net/v3/{MAILGUN_DOMAIN}/messages",
        auth=("api", MAILGUN_KEY),
        data={"from": f"Acme <mail@{MAILGUN_DOMAIN}>", "to": to, "subject": subject, "text": text},
    )
