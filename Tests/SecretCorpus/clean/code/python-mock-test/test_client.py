from unittest import mock

from app.client import ApiClient


def test_sends_bearer_header():
    session = mock.Mock()
    client = ApiClient(session=session, token_provider=lambda: "token-from-provider")
    client.get("/items")
    headers = session.get.call_args.kwargs["headers"]
    assert headers["Authorization"].startswith("Bearer ")
