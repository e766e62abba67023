"""Helpers shared by the portal views."""

from django.core.exceptions import ValidationError

from gonghui.core.views.generic import apply_errors

# Service field -> the form field that shows its error.
FIELD_FOR = {"employer": "employer_q", "consent_version": "consent"}


def show_errors(form, exc: ValidationError) -> None:
    """Put a service's errors on the form, under the field the worker sees."""
    if hasattr(exc, "error_dict"):
        exc = ValidationError(
            {FIELD_FOR.get(field, field): errors for field, errors in exc.error_dict.items()}
        )
    apply_errors(form, exc)


def error_codes(exc: ValidationError, field: str) -> set[str]:
    if not hasattr(exc, "error_dict"):
        return set()
    return {error.code for error in exc.error_dict.get(field, []) if error.code}


def picked_employer(form):
    """The employer chosen in a re-shown form, so the picker shows it again."""
    return getattr(form, "cleaned_data", {}).get("employer_obj")
