"""Trigram indexes on the pinyin initials, so that `jdwl` finds 竹溪县京东物流有限公司 (initials
ZXXJDWLYXGS) by an indexed `LIKE '%JDWL%'` (gonghui/core/search.py), not only from the start.

PostgreSQL only, as 0002; other databases scan, which is fine at their sizes.
"""

from django.db import migrations

INDEXES = [
    ("registry_member", "member_initials_trgm"),
    ("registry_employer", "employer_initials_trgm"),
    ("core_organisation", "org_initials_trgm"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (name_initials gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0007_application_decided_as"), ("core", "0006_org_sort_order")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
