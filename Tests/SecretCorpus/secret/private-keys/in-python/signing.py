import jwt

PRIVATE_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIKa5KQk5EBx4KWPjxuARTmUynnKyPzMlbSgq9nFtHTRyoAoGCCqGSM49
AwEHoUQDQgAE9uaKazlhzdCvQESkliQSPrTUvRbaa93ZVZ7Ek+jDeEGf4PbXjwZb
mOz/+W5+c41HmoHwJudDTpWT/GqfW4RiLw==
-----END EC PRIVATE KEY-----
"""


def sign(claims: dict) -> str:
    return jwt.encode(claims, PRIVATE_KEY, algorithm="ES256")
