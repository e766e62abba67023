"""Settings for the test suite: throwaway keys, fast hashing, production settings otherwise."""

import os
import tempfile

from cryptography.fernet import Fernet

os.environ.setdefault("SECRET_KEY", "gonghui-test-secret-key-" + "t" * 40)
os.environ.setdefault("GONGHUI_PII_KEYS", Fernet.generate_key().decode())
os.environ.setdefault("GONGHUI_PII_HASH_KEY", "gonghui-test-hash-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from gonghui.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
# Uploads of the test run go to a throwaway folder, never into the checkout's data directory.
GONGHUI_PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="gonghui-test-private-"))  # noqa: F405
