"""Legal aid and mediation (法律援助与调解): law firms, counsel (lawyers and mediators), cases with
their life cycle, dated events, notes and documents.

Scope: a case belongs to the union handling it (`union`, e.g. the county's legal-aid centre or a
town union) and is seen by that union's subtree and those above; a lawyer or mediator, who holds
no registry role, sees only the cases assigned to them (`own_rows`). Notes and documents follow
their case.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import EncryptedTextField, link
from gonghui.core.models import StoredDocument
from gonghui.core.money import ZERO, money_field
from gonghui.core.scoping import ScopedQuerySet
from gonghui.core.uploads import private_storage, random_name
from gonghui.registry.models.personal import PersonalNumbers
from gonghui.rights.choices import (
    FINAL,
    CaseAction,
    CaseChannel,
    CaseKind,
    CaseStatus,
    CounselKind,
)
from gonghui.rights.models.common import OrgOwned, OrgScopedQuerySet


class LawFirm(OrgOwned):
    """A law firm working with the union (律师事务所), e.g. in the mediation team."""

    name = models.CharField(_("律所名称"), max_length=200)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    licence_no = models.CharField(_("执业许可证号"), max_length=30, blank=True)
    contact = models.CharField(_("联系人"), max_length=50, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contract_starts_on = models.DateField(_("合作协议起始日"), null=True, blank=True)
    contract_ends_on = models.DateField(_("合作协议终止日"), null=True, blank=True)
    is_active = models.BooleanField(_("合作中"), default=True)

    audit_fields = (
        "name", "credit_code", "licence_no", "contact", "address", "phone",
        "contract_starts_on", "contract_ends_on", "is_active",
    )  # fmt: skip

    def get_absolute_url(self) -> str:
        return reverse("rights:firm_detail", args=[self.pk])

    class Meta:
        verbose_name = _("律师事务所")
        verbose_name_plural = _("律师事务所")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CounselQuerySet(OrgScopedQuerySet):
    def own_rows(self, user):
        # A lawyer sees their own entry (to know where they are on the rota) and nothing else.
        return Q(user=user)


class Counsel(PersonalNumbers, OrgOwned):
    """A lawyer or mediator (律师/调解员) of a firm or of the union itself (firm empty). The login
    (`user`) holds the lawyer role; cases are assigned to the Counsel row."""

    phone_required = False

    kind = models.CharField(
        _("类别"), max_length=10, choices=CounselKind.choices, default=CounselKind.LAWYER
    )
    name = models.CharField(_("姓名"), max_length=50)
    firm = link(
        LawFirm,
        _("所在律所"),
        optional=True,
        related_name="counsel",
        help_text=_("工会自有调解员留空"),
    )
    licence_no = models.CharField(_("执业证号"), max_length=30, blank=True)
    phone = EncryptedTextField(_("手机号码"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_masked = models.CharField(_("手机号码"), max_length=11, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登录账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counsel",
    )
    # 分片包干: the towns (town federations) and industries (GB/T 4754 section letters, e.g.
    # "CG") a counsel answers for; a case there offers them first.
    towns = models.ManyToManyField(
        "core.Organisation", verbose_name=_("包干镇（街道）"), blank=True, related_name="+"
    )
    industries = models.CharField(_("包干行业"), max_length=30, blank=True)
    is_active = models.BooleanField(_("在册"), default=True)

    objects = CounselQuerySet.as_manager()

    audit_fields = (
        "kind", "name", "firm", "licence_no", "phone_masked", "user", "industries", "is_active",
    )  # fmt: skip

    def get_absolute_url(self) -> str:
        return reverse("rights:counsel_detail", args=[self.pk])

    class Meta:
        verbose_name = _("律师/调解员")
        verbose_name_plural = _("律师/调解员")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        firm = self.firm.name if self.firm_id else _("工会")
        return f"{self.name}（{firm}）"


class CaseQuerySet(ScopedQuerySet):
    scope_lookups = ("union__path",)

    def own_rows(self, user):
        # The lawyer or mediator a case is assigned to sees it, whatever their roles.
        return Q(counsel__user=user)

    def open(self):
        return self.exclude(status__in=FINAL)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)


class Case(PersonalNumbers, models.Model):
    """A rights case (维权案件). Its status moves only through gonghui.rights.cases.services."""

    phone_required = False

    number = models.CharField(_("案件编号"), max_length=20, unique=True, editable=False)
    union = link("core.Organisation", _("承办工会"), related_name="+")
    kind = models.CharField(_("案件类型"), max_length=20, choices=CaseKind.choices)
    channel = models.CharField(_("来源"), max_length=10, choices=CaseChannel.choices)
    service_point = link(
        "rights.ServicePoint", _("接待服务点"), optional=True, related_name="cases"
    )
    complainant_name = models.CharField(_("申请人"), max_length=50)
    phone = EncryptedTextField(_("手机号码"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_masked = models.CharField(_("手机号码"), max_length=11, blank=True, editable=False)
    member = link(
        "registry.Member", _("会员"), optional=True, on_delete=models.SET_NULL, related_name="+"
    )
    employer = link("registry.Employer", _("被申请单位"), optional=True, related_name="+")
    employer_name = models.CharField(_("被申请单位名称"), max_length=200)
    facts = models.TextField(_("事实与请求"))
    workers_involved = models.PositiveIntegerField(_("涉及职工人数"), default=1)
    amount_claimed = money_field(_("请求金额（元）"), default=ZERO)
    amount_recovered = money_field(_("追回金额（元）"), default=ZERO)
    status = models.CharField(
        _("状态"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    outcome = models.CharField(_("办理结果"), max_length=12, choices=CaseStatus.choices, blank=True)
    decline_reason = models.CharField(_("不予受理理由"), max_length=500, blank=True)
    counsel = link(Counsel, _("承办律师/调解员"), optional=True, related_name="cases")
    due_on = models.DateField(_("本阶段办理期限"), null=True, blank=True)
    court_ref = models.CharField(_("法院调解平台编号"), max_length=50, blank=True)
    court_status = models.CharField(_("法院调解平台结果"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("职工本人在职工端申请时为空"),
    )
    received_at = models.DateTimeField(_("收件时间"))
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("指派时间"), null=True, blank=True)
    mediation_at = models.DateTimeField(_("开始调解时间"), null=True, blank=True)
    outcome_at = models.DateTimeField(_("结果登记时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结案时间"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("重新办理次数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    audit_fields = (
        "union",
        "kind",
        "channel",
        "service_point",
        "complainant_name",
        "phone_masked",
        "employer",
        "employer_name",
        "workers_involved",
        "amount_claimed",
        "amount_recovered",
        "status",
        "outcome",
        "decline_reason",
        "counsel",
        "due_on",
        "court_ref",
        "court_status",
    )

    class Meta:
        verbose_name = _("维权案件")
        verbose_name_plural = _("维权案件")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["union", "status"], name="case_union_status"),
            models.Index(fields=["status", "due_on"], name="case_status_due"),
            models.Index(fields=["received_at"], name="case_received"),
            models.Index(fields=["closed_at"], name="case_closed"),
            models.Index(fields=["phone_hash"], name="case_phone_hash"),
            models.Index(fields=["employer", "status"], name="case_employer_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_claimed__gte=0) & Q(amount_recovered__gte=0),
                name="case_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.complainant_name}"

    @property
    def audit_org_path(self) -> str:
        return self.union.path

    @property
    def is_final(self) -> bool:
        return self.status in FINAL

    def is_overdue(self, today) -> bool:
        return not self.is_final and self.due_on is not None and self.due_on < today


class CaseEvent(models.Model):
    """One dated step of a case, with who took it (empty: the worker in the portal, or the
    court platform's import)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("环节"), max_length=20, choices=CaseAction.choices)
    from_status = models.CharField(max_length=12, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=CaseStatus.choices, blank=True)
    actor = link(settings.AUTH_USER_MODEL, _("经办人"), optional=True, related_name="+")
    at = models.DateTimeField(_("时间"))
    note = models.CharField(_("说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("案件办理记录")
        verbose_name_plural = _("案件办理记录")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"], name="case_event_case_at")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_action_display()}"


class CaseChildQuerySet(ScopedQuerySet):
    scope_lookups = ("case__union__path",)

    def own_rows(self, user):
        return Q(case__counsel__user=user)


class CaseNote(models.Model):
    """A working note (办案记录), seen only by those on the case and its union."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    text = models.TextField(_("内容"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaseChildQuerySet.as_manager()

    audit_fields = ("text",)

    class Meta:
        verbose_name = _("办案记录")
        verbose_name_plural = _("办案记录")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case} {self.created_at:%Y-%m-%d}"

    @property
    def audit_org_path(self) -> str:
        return self.case.union.path


def case_document_path(instance, filename: str) -> str:
    return random_name("rights")


class CaseDocument(StoredDocument):
    """Evidence and papers of a case (证据材料), in private storage (gonghui.core.uploads)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    upload = models.FileField(storage=private_storage, upload_to=case_document_path, max_length=200)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("案件材料")
        verbose_name_plural = _("案件材料")
        ordering = ["uploaded_at", "pk"]

    @property
    def audit_org_path(self) -> str:
        return self.case.union.path
