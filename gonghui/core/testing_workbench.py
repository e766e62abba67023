"""Test helpers for the workbench items every module registers (gonghui.core.workbench): an item
counts right and its link lists exactly its rows."""

from django.core.cache import cache

from gonghui.core import workbench


def bench_of(user) -> dict:
    """{key: WorkItem} as counted now (the cache cleared first)."""
    cache.clear()
    return {item.key: item for item in workbench.collect(user)}


def listed_pks(client, user, url, objects_key="objects") -> set:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return {obj.pk for obj in response.context[objects_key]}


def assert_item_lists_exactly(client, user, key, expected_pks, objects_key="objects"):
    """The item `key` of `user` counts `expected_pks` and its link lists exactly them."""
    item = bench_of(user)[key]
    assert item.count == len(expected_pks), (key, item.count, expected_pks)
    assert set(item.queryset.values_list("pk", flat=True)) == set(expected_pks)
    assert listed_pks(client, user, item.url, objects_key) == set(expected_pks), item.url
    return item
