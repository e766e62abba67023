"""Files that hold personal data in clear (an uploaded import, its error workbook), kept for a
while in the private storage (settings.STORAGES["private"]): encrypted at rest, and purged on
the schedule (gonghui.core.periodic) once older than their retention.

Encryption is AES-256-GCM in chunks of 1 MiB (a 100 MB upload is never held twice in memory),
under a key derived (HKDF-SHA256) from each personal-data key of settings.PII_KEYS: the newest
encrypts, any of them decrypts, so rotating the PII keys rotates these too, and a file outlives
no key dropped after its retention. Layout:

    b"GHF1" | key id (8) | nonce prefix (7) | chunk* where chunk = ciphertext + tag (16)

Chunk i's nonce is the prefix, i (4 bytes) and a last-chunk flag (1 byte), so chunks cannot be
reordered, dropped or cut short without the tag failing.

A job that must read one (the spreadsheet reader takes a path) decrypts it into a private
temporary file that is removed as soon as the block ends (`decrypted`)."""

import contextlib
import datetime
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.utils import timezone

from gonghui.core.uploads import private_storage

MAGIC = b"GHF1"
CHUNK = 1024 * 1024
TAG = 16
PREFIX = 7


class DecryptError(ValueError):
    """Not one of ours, damaged, or its key is gone."""


@lru_cache(maxsize=8)
def _derive(pii_key: str) -> tuple[bytes, AESGCM]:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"gonghui private files v1"
    ).derive(pii_key.encode())
    return hashlib.sha256(key).digest()[:8], AESGCM(key)


def _keys() -> list[tuple[bytes, AESGCM]]:
    return [_derive(k) for k in settings.PII_KEYS]


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def encrypt_stream(source, target) -> None:
    """Read clear bytes from `source`, write the encrypted file to `target` (file objects)."""
    key_id, aead = _keys()[0]
    prefix = os.urandom(PREFIX)
    target.write(MAGIC + key_id + prefix)
    index = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if chunk else b""
        last = not following
        target.write(aead.encrypt(_nonce(prefix, index, last), chunk, MAGIC))
        if last:
            return
        chunk, index = following, index + 1


def decrypt_chunks(source) -> Iterator[bytes]:
    """The clear bytes of an encrypted file object, a chunk at a time (for streaming)."""
    head = source.read(len(MAGIC) + 8 + PREFIX)
    if len(head) != len(MAGIC) + 8 + PREFIX or not head.startswith(MAGIC):
        raise DecryptError("not an encrypted private file")
    key_id, prefix = head[4:12], head[12:]
    aead = next((a for kid, a in _keys() if kid == key_id), None)
    if aead is None:
        raise DecryptError("the key of this file is no longer configured")
    index = 0
    chunk = source.read(CHUNK + TAG)
    while True:
        following = source.read(CHUNK + TAG) if len(chunk) == CHUNK + TAG else b""
        last = not following
        try:
            yield aead.decrypt(_nonce(prefix, index, last), chunk, MAGIC)
        except InvalidTag as exc:
            raise DecryptError("damaged private file") from exc
        if last:
            return
        chunk, index = following, index + 1


def decrypt_stream(source, target) -> None:
    for clear in decrypt_chunks(source):
        target.write(clear)


def encrypt_bytes(data: bytes) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out)
    return out.getvalue()


def decrypt_bytes(data: bytes) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(data), out)
    return out.getvalue()


def store(name: str, source) -> str:
    """Encrypt `source` (an upload, a file object or a local Path) into the private storage
    under `name`; returns the name actually stored (the storage may change it)."""
    with tempfile.TemporaryFile() as sealed:
        if isinstance(source, Path):
            with open(source, "rb") as clear:
                encrypt_stream(clear, sealed)
        else:
            if hasattr(source, "seek"):
                source.seek(0)
            encrypt_stream(_Reader(source), sealed)
        sealed.seek(0)
        return private_storage.save(name, File(sealed, name=name))


def store_bytes(name: str, data: bytes) -> str:
    return private_storage.save(name, ContentFile(encrypt_bytes(data), name=name))


class _Reader:
    """An upload's chunks as a file object with read(n)."""

    def __init__(self, upload):
        self.upload, self.buffer = upload, b""
        self.chunks = upload.chunks() if hasattr(upload, "chunks") else iter(
            lambda: upload.read(CHUNK), b""
        )

    def read(self, size: int) -> bytes:
        while len(self.buffer) < size:
            piece = next(self.chunks, None)
            if not piece:
                break
            self.buffer += piece
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data


def stream(name: str) -> Iterator[bytes]:
    """A stored file's clear bytes for a response, decrypted as they are sent."""
    with private_storage.open(name, "rb") as source:
        yield from decrypt_chunks(source)


def exists(name: str) -> bool:
    return bool(name) and private_storage.exists(name)


def read(name: str) -> bytes:
    out = io.BytesIO()
    with private_storage.open(name, "rb") as source:
        decrypt_stream(source, out)
    return out.getvalue()


@contextlib.contextmanager
def decrypted(name: str, *, suffix: str = "") -> Iterator[Path]:
    """The clear file as a local path, for readers that need one; removed when the block ends."""
    folder = tempfile.mkdtemp(prefix="gonghui-")  # mode 0700
    path = Path(folder) / f"clear{suffix}"
    try:
        with private_storage.open(name, "rb") as source, open(path, "wb") as clear:
            os.chmod(path, 0o600)
            decrypt_stream(source, clear)
        yield path
    finally:
        path.unlink(missing_ok=True)
        os.rmdir(folder)


@contextlib.contextmanager
def sealed_output(name: str, *, suffix: str = "") -> Iterator[Path]:
    """A local path to write a clear file to (e.g. with xlsxwriter); when the block ends it is
    encrypted into the private storage under `name` and the clear file removed."""
    folder = tempfile.mkdtemp(prefix="gonghui-")
    path = Path(folder) / f"clear{suffix}"
    try:
        yield path
        if path.exists():
            if private_storage.exists(name):
                private_storage.delete(name)
            store(name, path)
    finally:
        path.unlink(missing_ok=True)
        os.rmdir(folder)


def delete(name: str) -> None:
    if name:
        private_storage.delete(name)


def purge(folder: str, older_than: datetime.timedelta) -> int:
    """Delete the files directly in `folder` of the private storage last written more than
    `older_than` ago; returns how many went."""
    try:
        _dirs, files = private_storage.listdir(folder)
    except FileNotFoundError:
        return 0
    limit = timezone.now() - older_than
    count = 0
    for filename in files:
        name = f"{folder}/{filename}"
        try:
            modified = private_storage.get_modified_time(name)
        except FileNotFoundError:
            continue
        if timezone.is_naive(modified):
            modified = timezone.make_aware(modified)
        if modified < limit:
            private_storage.delete(name)
            count += 1
    return count
