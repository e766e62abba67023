"""Free-text search as a clerk types it: a name, pinyin initials, a credit code, the last four
characters of an ID number, a whole ID number or phone (matched through the keyed hash)."""

import re

from django.db.models import Q

from gonghui.core import pii

LAST4 = re.compile(r"^\d{3}[\dX]$")
FULL_ID = re.compile(r"^\d{17}[\dX]$")
MOBILE = re.compile(r"^1\d{10}$")
CODE_LIKE = re.compile(r"^[0-9A-Z]{4,18}$")
LETTERS = re.compile(r"^[A-Z]{2,}$")


def text_q(q: str, *, name: bool = True, credit_code: str | None = None, person: bool = False) -> Q:
    q = q.strip()
    upper = q.upper()
    cond = Q(pk__in=[])
    if name:
        cond |= Q(name__icontains=q)
        if LETTERS.match(upper):
            cond |= Q(name_initials__startswith=upper)
    if credit_code and CODE_LIKE.match(upper) and not LETTERS.match(upper):
        cond |= Q(**{f"{credit_code}__startswith": upper})
    if person:
        if LAST4.match(upper):
            cond |= Q(id_last4=upper)
        if FULL_ID.match(upper):
            cond |= Q(id_hash=pii.keyed_hash(upper))
        if MOBILE.match(q):
            cond |= Q(phone_hash=pii.keyed_hash(q))
    return cond
