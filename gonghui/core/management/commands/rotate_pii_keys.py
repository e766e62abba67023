"""Re-encrypt every personal-data column under the newest key in GONGHUI_PII_KEYS.

Rotation: put a new key first in GONGHUI_PII_KEYS (keep the old ones after it), run this
command, then drop the old keys.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from gonghui.core.fields import EncryptedTextField

BATCH = 2000


class Command(BaseCommand):
    help = "Re-encrypt personal data under the newest GONGHUI_PII_KEYS key."

    def handle(self, *args, **options):
        for model in apps.get_models():
            fields = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
            if fields:
                n = self.rotate_model(model, fields)
                self.stdout.write(f"{model._meta.label}: {n} rows re-encrypted")

    def rotate_model(self, model, fields: list[str]) -> int:
        # Loading decrypts with whichever configured key fits; saving encrypts with the first.
        done, last_pk = 0, 0
        while True:
            with transaction.atomic():
                rows = list(
                    model._base_manager.filter(pk__gt=last_pk)
                    .order_by("pk")
                    .only("pk", *fields)[:BATCH]
                )
                if not rows:
                    return done
                model._base_manager.bulk_update(rows, fields)
            last_pk = rows[-1].pk
            done += len(rows)
