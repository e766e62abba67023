"""Trigram indexes so that searching a name anywhere in a million members stays fast.

PostgreSQL only (pg_trgm, a trusted extension since PostgreSQL 13); other databases skip it and
search by scanning, which is fine at their sizes.
"""

from django.db import migrations

INDEXES = [
    ("registry_member", "member_name_trgm"),
    ("registry_employer", "employer_name_trgm"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (name gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
