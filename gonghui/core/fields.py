"""Model fields every module declares the same way: a link to another record (`link`), and a
text whose value is encrypted in the database and clear in Python (`EncryptedTextField`)."""

from django.db import models

from gonghui.core import pii


class EncryptedTextField(models.TextField):
    """Stores the ciphertext (gonghui.core.pii); lookups other than isnull are meaningless:
    use the keyed hash."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return pii.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return pii.encrypt(value)


def link(to, verbose_name=None, *, optional: bool = False, on_delete=models.PROTECT, **options):
    """A foreign key as Gonghui declares them: PROTECT unless said otherwise (records are not
    deleted out from under the ones that point at them), `optional` meaning null and blank."""
    if optional:
        options.update(null=True, blank=True)
    return models.ForeignKey(to, verbose_name=verbose_name, on_delete=on_delete, **options)
