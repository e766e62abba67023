"""The SMS backends: console by default, an HTTP gateway by configuration."""

import json
import logging
from unittest import mock

import pytest
from django.db import transaction

from gonghui.core import sms
from gonghui.core.sms.backends import HttpBackend


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def test_console_backend_keeps_the_message_and_logs_the_number_masked(caplog):
    with caplog.at_level(logging.INFO, logger="gonghui.sms"):
        sms.send(phone="13812345678", text="验证码 123456")
    assert sms.outbox == [sms.Message("13812345678", "验证码 123456")]
    assert "138****5678" in caplog.text and "13812345678" not in caplog.text


def test_nothing_is_sent_without_a_number():
    sms.send(phone="", text="x")
    assert sms.outbox == []


@pytest.mark.django_db(transaction=True)
def test_send_on_commit_waits_for_the_commit_and_drops_a_rollback():
    with transaction.atomic():
        sms.send_on_commit(phone="13812345678", text="已通过")
        assert sms.outbox == []
    assert [m.text for m in sms.outbox] == ["已通过"]
    with pytest.raises(RuntimeError), transaction.atomic():
        sms.send_on_commit(phone="13812345678", text="不应发出")
        raise RuntimeError
    assert [m.text for m in sms.outbox] == ["已通过"]


def test_http_backend_posts_json_with_the_token(settings):
    settings.GONGHUI_SMS_BACKEND = "gonghui.core.sms.backends.HttpBackend"
    settings.GONGHUI_SMS_URL = "https://sms.example.invalid/send"
    settings.GONGHUI_SMS_TOKEN = "t0ken"
    with mock.patch("urllib.request.urlopen") as urlopen:
        sms.send(phone="13812345678", text="验证码 654321")
    request = urlopen.call_args.args[0]
    assert request.full_url == "https://sms.example.invalid/send"
    assert request.get_header("Authorization") == "Bearer t0ken"
    assert json.loads(request.data) == {
        "phone": "13812345678",
        "text": "验证码 654321",
        "sign": settings.GONGHUI_SMS_SIGN,
    }
    assert sms.outbox == []


def test_http_backend_failure_is_logged_not_raised(settings, caplog):
    settings.GONGHUI_SMS_URL = "https://sms.example.invalid/send"
    with mock.patch("urllib.request.urlopen", side_effect=OSError("down")):
        HttpBackend().send_messages([sms.Message("13812345678", "x")])
    assert "138****5678" in caplog.text and "failed" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_muted_sends_nothing():
    with sms.muted():
        sms.send(phone="13812345678", text="x")
        sms.send_on_commit(phone="13812345678", text="y")
    sms.send(phone="13812345678", text="z")
    assert [m.text for m in sms.outbox] == ["z"]
