"""Staff pages of points: rules, claims (approve, refuse, the evidence), accounts and their
ledger (reversal), rewards, redemptions (hand out, cancel) and the leaderboards. Thin views:
records through `visible_to` (out of scope 404); every write is a points service."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core import audit, uploads
from gonghui.core.filters import SubtreeFilter
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectEditView, ObjectListView
from gonghui.workforce.honours.views import _form_or_raise, error_text, post_action
from gonghui.workforce.models import (
    ClaimEvidence,
    PointsAccount,
    PointsClaim,
    PointsEntry,
    PointsRule,
    Redemption,
    Reward,
)
from gonghui.workforce.models.points import ClaimStatus, PointsItem, RedemptionStatus
from gonghui.workforce.points import forms, ledger, queries, services

WITHIN = gettext_lazy("所在工会")


class RuleFilterSet(django_filters.FilterSet):
    item = django_filters.ChoiceFilter(label=gettext_lazy("积分项目"), choices=PointsItem.choices)
    within = SubtreeFilter(label=WITHIN, path_lookups=("union__path",))

    class Meta:
        model = PointsRule
        fields = ["item", "within"]


class ClaimFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=ClaimStatus.choices)
    within = SubtreeFilter(label=WITHIN, path_lookups=("union__path",))

    class Meta:
        model = PointsClaim
        fields = ["status", "within"]


class RedemptionFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"), choices=RedemptionStatus.choices
    )
    within = SubtreeFilter(label=WITHIN, path_lookups=("union__path",))

    class Meta:
        model = Redemption
        fields = ["status", "within"]


class SimpleFilterSet(django_filters.FilterSet):
    within = SubtreeFilter(label=WITHIN, path_lookups=("union__path",))


class RewardFilterSet(SimpleFilterSet):
    class Meta:
        model = Reward
        fields = ["within"]


class AccountFilterSet(SimpleFilterSet):
    class Meta:
        model = PointsAccount
        fields = ["within"]


class RuleListView(RoleRequired, ObjectListView):
    model = PointsRule
    select_related = ("union",)
    filterset_class = RuleFilterSet
    template_name = "workforce/points/rule_list.html"
    default_sort = "pk"


class RuleEditView(RoleRequired, ObjectEditView):
    model = PointsRule
    form_class = forms.RuleForm
    writes = (services.create_rule, services.update_rule)
    record_name = "pointsrule"


class ClaimListView(RoleRequired, ObjectListView):
    model = PointsClaim
    select_related = ("union", "rule", "account__member")
    filterset_class = ClaimFilterSet
    template_name = "workforce/points/claim_list.html"
    default_sort = "pk"


def _claim(request, pk):
    return visible_or_404(request, PointsClaim, pk, "union", "rule", "account__member", "entry")


def claim_detail(request, pk):
    claim = _claim(request, pk)
    context = {
        "object": claim,
        "c": claim,
        "evidence": claim.evidence.all(),
        "can_edit": PointsClaim.objects.editable_by(request.user).filter(pk=pk).exists(),
        "reason_form": forms.ReasonForm(auto_id="refuse_%s"),
        "history": AuditEntry.objects.for_object(claim)[:50],
    }
    return render(request, "workforce/points/claim_detail.html", context)


claim_approve = post_action(
    _claim,
    lambda r, c: services.approve_claim(actor=r.user, claim=c),
    gettext_lazy("已通过，积分已入账"),
)
claim_refuse = post_action(
    _claim,
    lambda r, c: services.refuse_claim(
        actor=r.user, claim=c, **_form_or_raise(forms.ReasonForm(r.POST))
    ),
    gettext_lazy("已退回"),
)


def evidence(request, pk):
    """A claim's photo or document as an attachment; each viewing is audited."""
    doc = visible_or_404(request, ClaimEvidence, pk, "claim__union")
    response = uploads.attachment(
        doc.upload, filename=doc.original_name, content_type=doc.content_type
    )
    audit.record(
        actor=request.user, action=AuditAction.REVEAL, obj=doc,
        changes={_("材料"): [None, _("已下载查看：%(name)s") % {"name": doc.original_name}]},
    )  # fmt: skip
    return response


class AccountListView(RoleRequired, ObjectListView):
    model = PointsAccount
    select_related = ("union", "member")
    filterset_class = AccountFilterSet
    template_name = "workforce/points/account_list.html"
    default_sort = "pk"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sums = queries.balances([a.pk for a in context["objects"]])
        context["rows"] = [(a, sums.get(a.pk, 0)) for a in context["objects"]]
        return context


def _account(request, pk):
    return visible_or_404(request, PointsAccount, pk, "union", "member")


def account_detail(request, pk):
    account = _account(request, pk)
    context = {
        "object": account,
        "a": account,
        "balance": ledger.balance(account),
        "entries": account.entries.select_related("rule", "created_by")[:200],
        "can_edit": PointsAccount.objects.editable_by(request.user).filter(pk=pk).exists(),
        "reason_form": forms.ReasonForm(auto_id="reverse_%s"),
    }
    return render(request, "workforce/points/account_detail.html", context)


def _entry(request, pk):
    return visible_or_404(request, PointsEntry, pk, "account")



@require_POST
def entry_reverse(request, pk):
    entry = _entry(request, pk)
    try:
        ledger.reverse_entry(
            actor=request.user, entry=entry, **_form_or_raise(forms.ReasonForm(request.POST))
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("已冲正"))
    return HttpResponseRedirect(entry.account.get_absolute_url())


class RewardListView(RoleRequired, ObjectListView):
    model = Reward
    select_related = ("union",)
    filterset_class = RewardFilterSet
    template_name = "workforce/points/reward_list.html"
    default_sort = "pk"


class RewardEditView(RoleRequired, ObjectEditView):
    model = Reward
    form_class = forms.RewardForm
    writes = (services.create_reward, services.update_reward)
    record_name = "reward"


class RedemptionListView(RoleRequired, ObjectListView):
    model = Redemption
    select_related = ("union", "reward", "account__member", "handed_by")
    filterset_class = RedemptionFilterSet
    template_name = "workforce/points/redemption_list.html"
    default_sort = "pk"


def _redemption(request, pk):
    return visible_or_404(request, Redemption, pk, "union", "reward", "account__member",
                          "handed_by")  # fmt: skip


def redemption_detail(request, pk):
    redemption = _redemption(request, pk)
    context = {
        "object": redemption,
        "r": redemption,
        "can_edit": Redemption.objects.editable_by(request.user).filter(pk=pk).exists(),
        "hand_form": forms.HandOutForm(auto_id="hand_%s",
                                       initial={"signed_by": redemption.account.member.name}),
        "reason_form": forms.ReasonForm(auto_id="cancel_%s"),
        "history": AuditEntry.objects.for_object(redemption)[:50],
    }  # fmt: skip
    return render(request, "workforce/points/redemption_detail.html", context)


redemption_hand_out = post_action(
    _redemption,
    lambda r, x: services.hand_out(
        actor=r.user, redemption=x, **_form_or_raise(forms.HandOutForm(r.POST))
    ),
    gettext_lazy("已发放并签收"),
)
redemption_cancel = post_action(
    _redemption,
    lambda r, x: services.cancel_redemption(
        actor=r.user, redemption=x, **_form_or_raise(forms.ReasonForm(r.POST))
    ),
    gettext_lazy("已取消，积分和库存已退回"),
)


def _int(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def leaderboard(request):
    require_role(request.user)
    today = timezone.localdate()
    year = _int(request.GET.get("year"), today.year, 2000, 2100)
    month = _int(request.GET.get("month"), None, 1, 12)
    entries = PointsEntry.objects.visible_to(request.user)
    context = {
        "year": year,
        "month": month,
        "months": range(1, 13),
        "years": range(today.year - 2, today.year + 1),
        "rows": queries.leaderboard(entries, year=year, month=month),
    }
    return render(request, "workforce/points/leaderboard.html", context)
