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
# Jobs wait in the database queue unless a test runs them (GONGHUI_JOBS_EAGER, or
# gonghui.core.tasks_embedded.run_pending); no worker thread starts behind a test's back.
GONGHUI_TASKS_EMBEDDED_WORKER = False
GONGHUI_PERIODIC_EMBEDDED = False
# Figures are computed afresh in every test (a test's rows roll back, the data version with them,
# so a kept entry could outlive its rows); reports/tests/test_figures_cache.py turns it on.
CACHES["figures"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}  # noqa: F405
