import requests

session = requests.Session()
session.auth = ("svc_export", "jdQ~fV0a34m-7N")
session.headers.update({"Accept": "application/json"})

resp = session.get("https://erp.acme.io/api/export", timeout=30)
