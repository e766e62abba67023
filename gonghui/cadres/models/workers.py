"""Social workers (工会社工) and their certificates.

A social worker serves one union (usually a town federation), holds a post and a grade, is
employed under a contract by an employer of record (often a staffing firm or the county
federation itself), and signs in with an account holding the `social_worker` role at the union
they serve."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import WorkerGrade
from gonghui.cadres.models.common import FileOwned, FileQuerySet, WorkerQuerySet
from gonghui.core.fields import link


class SocialWorker(models.Model):
    organisation = link("core.Organisation", _("服务工会"), related_name="+")
    name = models.CharField(_("姓名"), max_length=50)
    post = models.CharField(_("岗位"), max_length=50)
    grade = models.CharField(
        _("岗位等级"), max_length=12, choices=WorkerGrade.choices, default=WorkerGrade.JUNIOR
    )
    employer_of_record = models.CharField(_("劳动合同单位"), max_length=100, blank=True)
    contract_starts_on = models.DateField(_("合同起始日"), null=True, blank=True)
    contract_ends_on = models.DateField(_("合同终止日"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("登录账号"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="social_worker",
    )  # fmt: skip
    is_active = models.BooleanField(_("在岗"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkerQuerySet.as_manager()

    audit_fields = (
        "organisation", "name", "post", "grade", "employer_of_record", "contract_starts_on",
        "contract_ends_on", "user", "is_active",
    )  # fmt: skip

    class Meta:
        verbose_name = _("工会社工")
        verbose_name_plural = _("工会社工")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cadres:worker_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class Certificate(FileOwned, models.Model):
    """A certificate held (社会工作者职业资格证书 …)."""

    worker = models.ForeignKey(SocialWorker, on_delete=models.CASCADE, related_name="certificates")
    name = models.CharField(_("证书名称"), max_length=100)
    number = models.CharField(_("证书编号"), max_length=50, blank=True)
    issued_on = models.DateField(_("取得日期"), null=True, blank=True)

    objects = FileQuerySet.as_manager()

    audit_fields = ("name", "number", "issued_on")

    class Meta:
        verbose_name = _("资格证书")
        verbose_name_plural = _("资格证书")
        ordering = ["issued_on", "pk"]

    def __str__(self) -> str:
        return self.name
