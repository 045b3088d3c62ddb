from cryptography.fernet import Fernet


def test_roundtrip():
    key = Fernet.generate_key()
    f = Fernet(key)
    token = f.encrypt(b"hello")
    assert f.decrypt(token) == b"hello"
