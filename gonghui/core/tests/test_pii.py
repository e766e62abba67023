"""Personal values: AES-GCM under the newest key, Fernet values of before still read."""

import pytest
from cryptography.fernet import Fernet

from gonghui.core import pii

CLEAR = "420324198502110018"


def test_values_are_aes_gcm_and_read_back():
    token = pii.encrypt(CLEAR)
    assert token.startswith("g1.") and CLEAR not in token
    assert pii.decrypt(token) == CLEAR
    assert pii.encrypt(CLEAR) != token  # a fresh nonce each time
    assert pii.encrypter()(CLEAR) != token and pii.decrypt(pii.encrypter()(CLEAR)) == CLEAR


def test_fernet_values_of_before_read_and_rotate_to_the_new_form():
    old = pii.fernet().encrypt(CLEAR.encode()).decode()
    assert pii.decrypt(old) == CLEAR
    rotated = pii.rotate(old)
    assert rotated.startswith("g1.") and pii.decrypt(rotated) == CLEAR


def test_an_older_key_still_reads_and_a_dropped_one_does_not(settings):
    old_key = settings.PII_KEYS[0]
    token = pii.encrypt(CLEAR)
    settings.PII_KEYS = [Fernet.generate_key().decode(), old_key]
    assert pii.decrypt(token) == CLEAR
    assert pii.decrypt(pii.rotate(token)) == CLEAR
    settings.PII_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ValueError, match="cannot be decrypted"):
        pii.decrypt(token)


def test_a_tampered_value_is_refused():
    token = pii.encrypt(CLEAR)
    tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    with pytest.raises(ValueError, match="cannot be decrypted"):
        pii.decrypt(tampered)
    with pytest.raises(ValueError, match="cannot be decrypted"):
        pii.decrypt("g1.!!!")


def test_keyed_hash_is_hmac_sha256(settings):
    import hashlib
    import hmac

    expected = hmac.new(settings.PII_HASH_KEY.encode(), b"13812345678", hashlib.sha256)
    assert pii.keyed_hash("13812345678") == expected.hexdigest()
