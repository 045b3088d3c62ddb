import requests

API = "https://api.github.com"
# user-to-server token from the GitHub App installation flow
USER_TOKEN = 'ghu_XPdLWRaGR4laHXmGQ277Cn11EorK8m2BWZjv'


def list_repos():
    r = requests.get(f"{API}/user/repos", headers={"Authorization": f"token {USER_TOKEN}"}, timeout=10)
    r.raise_for_status()
    return [repo["full_name"] for repo in r.json()]
