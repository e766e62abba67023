"""Yuan: Decimal with two places, never a float. Every module's money columns use these."""

from decimal import Decimal

from django.db import models

MONEY = {"max_digits": 14, "decimal_places": 2}
ZERO = Decimal("0.00")
CENT = Decimal("0.01")  # the quantum of a yuan amount


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    """Yuan with two places; never a float."""
    return models.DecimalField(verbose_name, **MONEY, **kwargs)


def yuan(value) -> Decimal:
    """A sum read from the database (None when there were no rows) as yuan with two places."""
    return (value or ZERO).quantize(CENT)
