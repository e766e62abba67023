"""A covering index for the member figures (gonghui/registry/figures.py, `member_tallies`).

The figures count a million active members several ways at once. Without this index PostgreSQL
reads the whole member table (about 500 MB with the encrypted columns) for every dashboard;
with it, an index-only scan reads some 50 MB for the county, and for a town one index range per
union of the town. It is partial (active members only: every member figure is about them) and
holds every column the figures read: union (scope), employment form, migrant flag, joining date
(period) and employer (membership rate).

It lives here, not in the registry's model Meta, because the figures are the reports app's
concern. PostgreSQL only (INCLUDE and CONCURRENTLY): built concurrently so that adding it to a
live county does not block writes; other databases skip it, at their sizes a scan is fine.
"""

from django.db import migrations

INDEX = "member_figures"
CREATE = (
    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON registry_member "
    "(union_id, employment_form, is_migrant_worker, joined_on) INCLUDE (employer_id) "
    "WHERE status = 'active'"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("registry", "0002_trigram_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
