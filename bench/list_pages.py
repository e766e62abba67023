"""List pages at scale: times the member and employer lists as a county admin and a town clerk
(first page, a deep keyset page, a search, a filter), beside a plain indexed SELECT of one page in
the same run, and prints each time and its ratio to that baseline.

Run against a large database, e.g. after `gonghui demo --members 1000000 --employers 5000`:

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_big python bench/list_pages.py
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from gonghui.core.models import User  # noqa: E402
from gonghui.registry.models import Member  # noqa: E402

REPEAT = 5


def timed(fn) -> float:
    fn()  # warm the caches once; a clerk's second click is the common case
    runs = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def baseline() -> float:
    def query():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, name FROM registry_member WHERE status = 'active' "
                "ORDER BY id DESC LIMIT 51"
            )
            cursor.fetchall()

    return timed(query)


def page(client: Client, url: str) -> callable:
    def get():
        response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (url, response.status_code)

    return get


def main() -> int:
    members = Member.objects.count()
    if members < 1000:
        print("database has too few members; run `gonghui demo --members 1000000` first")
        return 1
    base = baseline()
    deep = Member.objects.order_by("-pk").values_list("pk", flat=True)[members // 2]
    from gonghui.core.pagination import encode_cursor

    cursor = encode_cursor(deep, deep)
    cases = [
        ("members, first page", "/members/"),
        ("members, page in the middle (keyset)", f"/members/?after={cursor}"),
        ("members, sorted by name", "/members/?sort=name"),
        ("members, search by last four of ID", "/members/?q=1234"),
        ("members, search by pinyin initials", "/members/?q=wy"),
        # Initials matched anywhere in the name (trigram index on PostgreSQL): 3+ letters.
        ("members, initials inside the name", "/members/?q=jmh"),
        ("members, search by name", "/members/?q=%E7%8E%8B%E5%8B%87"),
        ("members, new-form filter", "/members/?employment_form=courier"),
        ("employers, first page", "/employers/"),
        ("employers, without union", "/employers/?union_status=none"),
        ("employers, initials inside the name", "/employers/?q=yxgs"),
        ("organisation picker, initials", "/orgs/pick/?q=zgh"),
        ("organisation tree, search", "/orgs/tree/?q=zgh"),
    ]
    print(f"{members} members; baseline (plain SELECT of one page): {base:.1f} ms")
    print(f"{'user':10} {'page':40} {'ms':>8} {'× baseline':>11}")
    for username in ("admin", "clerk"):
        client = Client()
        client.force_login(User.objects.get(username=username))
        for label, url in cases:
            ms = timed(page(client, url))
            print(f"{username:10} {label:40} {ms:8.1f} {ms / base:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
