"""Configuration: production settings pass Django's deployment checks; secrets are required."""

import os
import subprocess
import sys

from cryptography.fernet import Fernet


def run_manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GONGHUI_"))}
    base.pop("SECRET_KEY", None)
    base.pop("DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "gonghui.manage", *args],
        env={**base, "DJANGO_SETTINGS_MODULE": "gonghui.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3Y-qW8z_Lp2-Rt7vN1m-Xc4bH9s-Gd6fJ0w-Ue5aT3y-Zr8iO2p",
        GONGHUI_PII_KEYS=Fernet.generate_key().decode(),
        GONGHUI_PII_HASH_KEY="production-hash-key",
        ALLOWED_HOSTS="gonghui.example.gov.cn",
        GONGHUI_DATA_DIR=str(tmp_path),
        GONGHUI_SMS_BACKEND="gonghui.core.sms.backends.HttpBackend",
        GONGHUI_SMS_URL="https://sms.example.gov.cn/send",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_texts_would_only_be_logged(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        SECRET_KEY="k3Y-qW8z_Lp2-Rt7vN1m-Xc4bH9s-Gd6fJ0w-Ue5aT3y-Zr8iO2p",
        GONGHUI_PII_KEYS=Fernet.generate_key().decode(),
        GONGHUI_PII_HASH_KEY="production-hash-key",
        ALLOWED_HOSTS="gonghui.example.gov.cn",
        GONGHUI_DATA_DIR=str(tmp_path),
    )
    assert "gonghui.W001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_secrets(tmp_path):
    result = run_manage("check", GONGHUI_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
