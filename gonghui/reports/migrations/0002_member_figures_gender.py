"""The member figures' covering index (0001) also holds the gender, for `members_women`.

Without it the women's count would visit every active member's row and lose the index-only scan
the other member figures get. PostgreSQL only, built concurrently as in 0001: the new index is
built beside the old one, then the old one is dropped, so the figures never go without.
"""

from django.db import migrations

OLD, NEW = "member_figures", "member_figures_gender"
COLUMNS = "(union_id, employment_form, is_migrant_worker, joined_on)"
WHERE = "WHERE status = 'active'"


def _create(name: str, include: str) -> str:
    return (
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON registry_member "
        f"{COLUMNS} INCLUDE ({include}) {WHERE}"
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_create(NEW, "employer_id, gender"))
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {OLD}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_create(OLD, "employer_id"))
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NEW}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("reports", "0001_figures_indexes")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
