"""The founding drive (建会攻坚): contacts with employers that have no union yet."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.scoping import ScopedQuerySet
from gonghui.registry.choices import ContactMethod, ContactOutcome


class FoundingContactQuerySet(ScopedQuerySet):
    # Seen exactly where the employer is seen.
    scope_lookups = ("employer__territory__path", "employer__union__path")


class FoundingContact(models.Model):
    employer = link(
        "registry.Employer", _("单位"), on_delete=models.CASCADE, related_name="founding_contacts"
    )
    contacted_on = models.DateField(_("联系日期"))
    method = models.CharField(_("联系方式"), max_length=10, choices=ContactMethod.choices)
    contact_person = models.CharField(_("单位联系人"), max_length=50, blank=True)
    outcome = models.CharField(_("结果"), max_length=12, choices=ContactOutcome.choices)
    notes = models.TextField(_("情况说明"), blank=True)
    next_step = models.CharField(_("下一步"), max_length=200, blank=True)
    next_on = models.DateField(_("下次联系日期"), null=True, blank=True)
    recorded_by = link(
        settings.AUTH_USER_MODEL,
        _("记录人"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FoundingContactQuerySet.as_manager()

    audit_fields = (
        "employer",
        "contacted_on",
        "method",
        "contact_person",
        "outcome",
        "notes",
        "next_step",
        "next_on",
    )

    class Meta:
        verbose_name = _("建会联系记录")
        verbose_name_plural = _("建会联系记录")
        ordering = ["-contacted_on", "-id"]
        indexes = [
            models.Index(fields=["employer", "-contacted_on"], name="founding_contact_employer"),
        ]

    def __str__(self) -> str:
        return f"{self.employer}：{self.contacted_on} {self.get_method_display()}"

    @property
    def audit_org_path(self) -> str:
        return self.employer.territory.path
