"""`Idempotency-Key` on API POSTs: a retried request is done once and answered with the first
answer.

The key row is inserted in the same transaction as the write it guards. Two requests with one key
at once: the second insert waits on the unique index until the first commits, then finds the
stored answer. A failed request rolls its key back with everything else, so it may be retried.
The same key with a different request is a 422, never a silent replay of something else.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from gonghui.core.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_LENGTH = 100
REPLAYED = "Idempotent-Replayed"

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "幂等键（不超过100个字符）：同一用户以同一键重发的请求只执行一次，返回首次的结果"
        "（响应头 Idempotent-Replayed: true）；同一键用于不同请求答 422。"
    ),
)


class KeyReused(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "该幂等键已用于另一个请求"
    default_code = "idempotency_key_reused"


class KeyInvalid(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = f"{HEADER} 不能超过{MAX_LENGTH}个字符"
    default_code = "idempotency_key_invalid"


def fingerprint(request) -> str:
    body = json.dumps(request.data, sort_keys=True, default=str, ensure_ascii=False)
    raw = f"{request.method} {request.path}\n{body}"
    return hashlib.sha256(raw.encode()).hexdigest()


def request_key(request) -> str | None:
    key = (request.headers.get(HEADER) or "").strip()
    if not key:
        return None
    if len(key) > MAX_LENGTH:
        raise KeyInvalid()
    return key


def _replay(row: IdempotencyKey, print_: str) -> Response:
    if row.fingerprint != print_:
        raise KeyReused()
    return Response(row.response, status=row.status_code, headers={REPLAYED: "true"})


def once(request, perform) -> Response:
    """Answer `perform()` (a Response) once per (user, key); without a key just perform."""
    key = request_key(request)
    if key is None:
        return perform()
    print_ = fingerprint(request)
    existing = IdempotencyKey.objects.filter(user=request.user, key=key).first()
    if existing is not None and existing.status_code is not None:
        return _replay(existing, print_)
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: a clash must not spoil the outer block
                row = IdempotencyKey.objects.create(user=request.user, key=key, fingerprint=print_)
        except IntegrityError:
            # Another request with this key committed first (we waited on its row): answer as
            # it did.
            return _replay(IdempotencyKey.objects.get(user=request.user, key=key), print_)
        response = perform()
        row.status_code = response.status_code
        row.response = json.loads(json.dumps(response.data, default=str))
        row.save(update_fields=["status_code", "response"])
        return response


class IdempotentCreateMixin:
    """For viewsets: POST create honours Idempotency-Key (use `once` in custom POST actions)."""

    def create(self, request, *args, **kwargs):
        return once(
            request, lambda: super(IdempotentCreateMixin, self).create(request, *args, **kwargs)
        )
