import hashlib

VECTORS = {
    b"": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    b"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
}


def test_sha256():
    for data, digest in VECTORS.items():
        assert hashlib.sha256(data).hexdigest() == digest
