"""The programme kinds every county has; a county adds its own on the kinds page."""

from django.db import migrations

# Frozen here: a migration must not change when gonghui.aid.kinds does.
KINDS = [
    ("medical", "医疗救助"),
    ("living", "生活救助"),
    ("autumn_study", "金秋助学"),
    ("study_dream", "求学圆梦"),
    ("temporary", "临时救助"),
    ("winter_warmth", "冬送温暖"),
    ("summer_cool", "夏送清凉"),
    ("spring_jobs", "春送岗位"),
    ("recuperation", "疗休养"),
    ("special_insurance", "专项保险"),
]


def seed(apps, schema_editor):
    ProgrammeKind = apps.get_model("aid", "ProgrammeKind")
    for order, (code, name) in enumerate(KINDS, start=1):
        ProgrammeKind.objects.get_or_create(
            code=code, defaults={"name": name, "sort_order": order * 10, "builtin": True}
        )


class Migration(migrations.Migration):
    dependencies = [("aid", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
