import requests

HEADERS = {
    "X-API-Key": "eTDEorGwRaxvhsdRPxciRIG68nHDetA06CgPoacs",
    "Content-Type": "application/json",
}


def push(events):
    return requests.post("https://ingest.acme-analytics.com/v1/batch", json=events, headers=HEADERS, timeout=5)
