"""Free-text search as a clerk types it: a name, pinyin initials, a credit code, the last four
characters of an ID number, a whole ID number or phone (matched through the keyed hash).

Each kind of query goes only to the columns it can match, so every branch is an indexed lookup:
digits never scan names, letters use the initials index, Chinese uses the (trigram) name index.

Pinyin initials match from any character of the name (`jdwl` finds 竹溪县京东物流有限公司, whose
initials are ZXXJDWLYXGS): a `LIKE '%JDWL%'` that PostgreSQL answers from a trigram index on the
initials. Trigrams need three letters, so a person's one- or two-letter query (a surname's
initial, on a million members) stays a prefix match on the B-tree index; organisations and
employers are few enough that any length matches anywhere.
"""

import re
import unicodedata

from django.db.models import Q

from gonghui.core import pii

LAST4 = re.compile(r"^\d{3}[\dX]$")
FULL_ID = re.compile(r"^\d{17}[\dX]$")
MOBILE = re.compile(r"^1\d{10}$")
CODE_LIKE = re.compile(r"^[0-9A-Z]{4,18}$")
LETTERS = re.compile(r"^[A-Z]+$")
# Trigram indexes need three characters. A name query of one or two characters (a surname, or
# surname and first given character, which is how clerks type names) is matched as a prefix on
# a B-tree index instead of scanning a million names.
SHORT_NAME = 2
SHORT_INITIALS = 2


def normalise(q: str) -> str:
    """Full-width characters from a Chinese input method become plain ones (１２３ → 123)."""
    return unicodedata.normalize("NFKC", q).strip()


def text_q(
    q: str, *, credit_code: str | None = None, person: bool = False, latin_names: bool = True
) -> Q:
    """`latin_names`: names may contain Latin letters (employers: "ABC科技"), so a query of
    letters also matches inside names; members' names do not, and search initials only."""
    q = normalise(q)
    upper = q.upper()
    nothing = Q(pk__in=[])
    if person and (LAST4.match(upper) or FULL_ID.match(upper) or MOBILE.match(q)):
        cond = nothing
        if LAST4.match(upper):
            cond |= Q(id_last4=upper)
        if FULL_ID.match(upper):
            cond |= Q(id_hash=pii.keyed_hash(upper))
        if MOBILE.match(q):
            cond |= Q(phone_hash=pii.keyed_hash(q))
        return cond
    if LETTERS.match(upper):
        if person and len(upper) <= SHORT_INITIALS:
            cond = Q(name_initials__startswith=upper)
        else:
            cond = Q(name_initials__contains=upper)
        return cond | Q(name__icontains=q) if latin_names else cond
    cond = Q(name__startswith=q) if len(q) <= SHORT_NAME and person else Q(name__icontains=q)
    if credit_code and CODE_LIKE.match(upper):
        cond |= Q(**{f"{credit_code}__startswith": upper})
    return cond
