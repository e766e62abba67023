"""Members (会员). ID number and phone are encrypted; the database also keeps a keyed hash for
look-ups and the masked form that every page shows."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core import pii
from gonghui.core.fields import EncryptedTextField, link
from gonghui.core.models import Organisation
from gonghui.core.models.orgs import PREFIX_OPS
from gonghui.core.pinyin import initials
from gonghui.core.scoping import ScopedQuerySet
from gonghui.core.validators import (
    normalize_resident_id,
    parse_resident_id,
)
from gonghui.registry.choices import (
    NEW_EMPLOYMENT_FORMS,
    EmploymentForm,
    Gender,
    MemberSource,
    MemberStatus,
)
from gonghui.registry.models.personal import PersonalNumbers


class MemberQuerySet(ScopedQuerySet):
    scope_lookups = ("union__path",)

    def active(self):
        return self.filter(status=MemberStatus.ACTIVE)

    def new_form(self):
        return self.filter(employment_form__in=NEW_EMPLOYMENT_FORMS)

    def with_id_number(self, number: str):
        return self.filter(id_hash=pii.keyed_hash(normalize_resident_id(number)))


class Member(PersonalNumbers, models.Model):
    name = models.CharField(_("姓名"), max_length=50)
    name_initials = models.CharField(max_length=64, blank=True, editable=False)
    id_number = EncryptedTextField(_("公民身份号码"))
    id_hash = models.CharField(max_length=64, editable=False)
    id_masked = models.CharField(_("公民身份号码"), max_length=18, editable=False)
    id_last4 = models.CharField(max_length=4, editable=False)
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices, editable=False)
    # Only the year is kept in clear: with the masked ID (which hides exactly the birth date) the
    # full date would give the whole number back.
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), editable=False)
    phone = EncryptedTextField(_("手机号码"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_masked = models.CharField(_("手机号码"), max_length=11, blank=True, editable=False)
    # No single-column indexes on the two relations: (union, status) and (employer, status) below
    # serve every look-up, and each extra index slows bulk imports.
    union = link(Organisation, _("所在工会"), related_name="members", db_index=False)
    employer = link(
        "registry.Employer", _("工作单位"), optional=True, related_name="members", db_index=False
    )
    employment_form = models.CharField(
        _("就业形态"),
        max_length=16,
        choices=EmploymentForm.choices,
        default=EmploymentForm.STANDARD,
    )
    is_migrant_worker = models.BooleanField(_("是否农民工"), default=False)
    joined_on = models.DateField(_("入会日期"))
    status = models.CharField(
        _("会籍状态"), max_length=16, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )
    left_on = models.DateField(_("离会日期"), null=True, blank=True)
    leave_reason = models.CharField(_("退会原因"), max_length=200, blank=True)
    source = models.CharField(
        _("来源"), max_length=10, choices=MemberSource.choices, default=MemberSource.MANUAL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    # Personal data is audited through its masked column only.
    audit_fields = (
        "name",
        "id_masked",
        "phone_masked",
        "union",
        "employer",
        "employment_form",
        "is_migrant_worker",
        "joined_on",
        "status",
        "left_on",
        "leave_reason",
    )

    class Meta:
        verbose_name = _("会员")
        verbose_name_plural = _("会员")
        constraints = [
            models.UniqueConstraint(
                fields=["id_hash"],
                condition=Q(status="active"),
                name="one_active_membership_per_id",
            )
        ]
        indexes = [
            models.Index(fields=["id_hash"], name="member_id_hash"),
            models.Index(fields=["id_last4"], name="member_id_last4"),
            models.Index(fields=["phone_hash"], name="member_phone_hash"),
            models.Index(fields=["name", "id"], name="member_name"),
            models.Index(fields=["name"], name="member_name_prefix", opclasses=PREFIX_OPS),
            models.Index(fields=["name_initials"], name="member_initials", opclasses=PREFIX_OPS),
            models.Index(fields=["joined_on", "id"], name="member_joined_id"),
            models.Index(fields=["status", "employment_form", "id"], name="member_status_form"),
            models.Index(fields=["union", "status"], name="member_union_status"),
            models.Index(fields=["employer", "status"], name="member_employer_status"),
            # The joining and transfer figures: small, as few spells begin online or by transfer
            # and few end by transfer (imports write neither, so they cost an import nothing).
            # Covering (INCLUDE is PostgreSQL's; other databases ignore it), so the counts are
            # index-only scans even where many members joined online.
            models.Index(
                fields=["joined_on"],
                include=["source", "status", "union"],
                name="member_joined_flow",
                condition=Q(source__in=["online", "transfer"]),
            ),
            models.Index(
                fields=["left_on"],
                include=["union"],
                name="member_transferred_out",
                condition=Q(status="transferred_out"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.id_masked}）"

    def save(self, *args, **kwargs):
        self.name_initials = initials(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:member_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.union.path

    def set_id_number(self, value: str) -> None:
        """Set the ID number and everything derived from it (validates)."""
        rid = super().set_id_number(value)
        self.id_last4 = rid.number[-4:]
        self.gender = rid.gender
        self.birth_year = rid.birth_date.year

    @property
    def birth_date(self):
        """Derived from the encrypted number, in memory only."""
        return parse_resident_id(self.id_number).birth_date

    @property
    def card_number(self) -> str:
        """The member card's number: the spell's key, so it is never reused (会员卡号)."""
        return f"GH{self.pk:010d}"

    @property
    def is_new_form(self) -> bool:
        return self.employment_form in NEW_EMPLOYMENT_FORMS
