"""A model field whose value is encrypted in the database and clear in Python."""

from django.db import models

from gonghui.core import pii


class EncryptedTextField(models.TextField):
    """Stores Fernet ciphertext; lookups other than isnull are meaningless, use the keyed hash."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return pii.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return pii.encrypt(value)
