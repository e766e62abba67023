"""Personal data at rest: authenticated encryption with rotatable keys, keyed hashes for look-ups.

The clear value exists only in memory. The database holds the ciphertext, a keyed hash (for exact
search and uniqueness) and the masked form shown everywhere by default.

Values are AES-256-GCM (`g1.` + base64url of key id, nonce, ciphertext and tag) under a key
derived (HKDF-SHA256) from each key of settings.PII_KEYS: the newest encrypts, any of them
decrypts. AES-GCM is one call into OpenSSL per value where Fernet is AES-CBC, an HMAC, a
timestamp and base64 in Python; the import of a large members file encrypts two values a row.
Values written before are Fernet tokens under the same keys and still read; `rotate` (and the
rotate_pii_keys command) rewrites them in the new form.
"""

import base64
import hashlib
import hmac
import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PREFIX = "g1."
KEY_ID = 4
NONCE = 12


class _Key:
    __slots__ = ("key_id", "aead")

    def __init__(self, pii_key: str):
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"gonghui pii values v1"
        ).derive(pii_key.encode())
        self.key_id = hashlib.sha256(derived).digest()[:KEY_ID]
        self.aead = AESGCM(derived)


@lru_cache(maxsize=4)
def _keys(keys: tuple[str, ...]) -> tuple[list[_Key], dict[bytes, _Key], MultiFernet]:
    derived = [_Key(k) for k in keys]
    return derived, {k.key_id: k for k in derived}, MultiFernet([Fernet(k.encode()) for k in keys])


def _current():
    return _keys(tuple(settings.PII_KEYS))


def fernet() -> MultiFernet:
    """The Fernet keys, for values written before AES-GCM."""
    return _current()[2]


def encrypt(value: str) -> str:
    key = _current()[0][0]
    nonce = os.urandom(NONCE)
    sealed = key.aead.encrypt(nonce, value.encode(), None)
    return PREFIX + base64.urlsafe_b64encode(key.key_id + nonce + sealed).decode()


def encrypter():
    """`encrypt` with the key looked up once, for loops over many values (imports)."""
    key = _current()[0][0]
    seal, key_id, urandom, b64 = key.aead.encrypt, key.key_id, os.urandom, base64.urlsafe_b64encode

    def encrypt_one(value: str) -> str:
        nonce = urandom(NONCE)
        return PREFIX + b64(key_id + nonce + seal(nonce, value.encode(), None)).decode()

    return encrypt_one


def decrypt(token: str) -> str:
    if token.startswith(PREFIX):
        return _decrypt_gcm(token)
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:  # a key was dropped before its rows were rotated
        raise _undecryptable() from exc


def _decrypt_gcm(token: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(token[len(PREFIX) :])
    except ValueError as exc:
        raise _undecryptable() from exc
    key = _current()[1].get(raw[:KEY_ID])
    if key is None:
        raise _undecryptable()
    try:
        return key.aead.decrypt(raw[KEY_ID : KEY_ID + NONCE], raw[KEY_ID + NONCE :], None).decode()
    except InvalidTag as exc:
        raise _undecryptable() from exc


def _undecryptable() -> ValueError:
    return ValueError("personal data cannot be decrypted with the configured keys")


def rotate(token: str) -> str:
    """Re-encrypt under the newest key, in the current form."""
    return encrypt(decrypt(token))


def keyed_hash(value: str) -> str:
    return hmac.digest(settings.PII_HASH_KEY.encode(), value.encode(), "sha256").hex()
