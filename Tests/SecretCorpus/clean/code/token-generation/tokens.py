import hashlib
import hmac
import secrets

TOKEN_BYTES = 32


def new_api_token() -> tuple[str, str]:
    token = "ak_" + secrets.token_urlsafe(TOKEN_BYTES)
    return token, hashlib.sha256(token.encode()).hexdigest()


def verify(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hashlib.sha256(token.encode()).hexdigest(), stored_hash)
